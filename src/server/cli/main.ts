import { isAppError } from "../../core/errors";
import { loadConfig } from "../config";

// One file per command; each exports `run(args)` and returns an exit code.
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  units: {
    summary: "units load — nạp danh mục đơn vị hành chính / load the official units",
    load: () => import("./units"),
  },
  user: { summary: "user add — thêm người dùng / add a user", load: () => import("./user") },
  demo: { summary: "demo — nạp dữ liệu mẫu Cần Thơ / load the Cần Thơ demo", load: () => import("./demo") },
  "import-plan": {
    summary: "import-plan FILE [--json] — đọc kế hoạch từ tệp / read a plan document",
    load: async () => ({ run: (await import("./import-plan")).runImportPlan }),
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  binhdang ${c.summary}`);
  return ["Cách dùng / usage:", ...lines].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Lệnh không tồn tại / unknown command: ${name}\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(args);
}

try {
  loadConfig(); // a bad environment fails before any command runs
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (isAppError(error)) console.error(`${error.userMessage.vi}\n${error.userMessage.en}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
