import type { Database } from "./db/client";
import { findRoot } from "./db/repos/unit.repo";
import { loadStrategyCatalogue } from "./services/catalogue.service";
import { ensureConditionRollups } from "./services/condition-rollup.service";
import { systemActor } from "./services/context";
import { failInterruptedImports } from "./services/data-value-xlsx.service";
import { loadDemo } from "./services/demo.service";
import { todayIso } from "./services/unit.service";
import { loadReferenceUnits } from "./services/unit-load.service";
import { bootstrapAdmin } from "./services/user.service";

export interface PrepareOptions {
  loadDemo: boolean;
  log: (message: string) => void;
}

/** Everything a first start needs: schema, the official units, the first admin, the demo. */
export async function prepareDatabase(database: Database, options: PrepareOptions): Promise<void> {
  await database.migrate();
  // Values approved before condition_rollups existed, or bulk-loaded: count them once.
  if (await ensureConditionRollups(database.db))
    options.log("Đã tổng hợp các chỉ tiêu “tỷ lệ đơn vị” (condition_rollups)");
  const interrupted = await failInterruptedImports(database.db, database.kind === "pglite");
  if (interrupted > 0) options.log(`Đã đánh dấu ${interrupted} lượt nhập Excel bị gián đoạn (chưa ghi số liệu)`);
  const actor = systemActor();
  if (!(await findRoot(database.db, todayIso()))) {
    const t0 = Date.now();
    const report = await loadReferenceUnits(database.db);
    options.log(
      `Đã nạp ${report.inserted} đơn vị hành chính, ${report.crosswalkRows} dòng chuyển đổi (${Date.now() - t0} ms)`,
    );
  }
  const strategies = await loadStrategyCatalogue(database.db, actor);
  if (strategies > 0) options.log(`Đã nạp danh mục chiến lược quốc gia (${strategies})`);
  const admin = await bootstrapAdmin(database.db, actor);
  if (admin) {
    options.log(
      [
        "",
        "================================================================",
        " Tài khoản quản trị đầu tiên / first administrator account:",
        `   tên đăng nhập / user name: ${admin.username}`,
        `   mật khẩu dùng một lần / one-time password: ${admin.password}`,
        " Mật khẩu này chỉ hiện một lần; hãy đổi ngay khi đăng nhập.",
        " It is shown only once; you will be asked to change it.",
        "================================================================",
        "",
      ].join("\n"),
    );
  }
  if (options.loadDemo) {
    const report = await loadDemo(database.db, actor, todayIso());
    if (report.agencies + report.users + report.plans > 0) {
      options.log(
        `Dữ liệu mẫu: ${report.agencies} cơ quan, ${report.users} người dùng, ${report.plans} kế hoạch (mật khẩu: xem README)`,
      );
    }
  }
}
