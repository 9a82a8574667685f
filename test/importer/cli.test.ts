import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";
import { SAMPLES_DIR } from "../helpers/score";

const BIN = join(process.cwd(), "bin/binhdang.mjs");
const sample = join(SAMPLES_DIR, "tamduong-2021.txt");

describe("binhdang import-plan", () => {
  it("prints exactly the extract JSON with --json", { timeout: 60_000 }, () => {
    const out = execFileSync("node", [BIN, "import-plan", sample, "--json"], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(parsePlanText(readFileSync(sample, "utf8")).extract);
  });
  it("prints a Vietnamese summary without --json", { timeout: 60_000 }, () => {
    const out = execFileSync("node", [BIN, "import-plan", sample], { encoding: "utf8" });
    expect(out).toContain("Mục tiêu: 6, chỉ tiêu: 18");
    expect(out).toContain("Người ký: Vũ Xuân Thịnh");
  });
  it("reports errors in Vietnamese on stderr with exit code 1", { timeout: 60_000 }, () => {
    const r = spawnSync("node", [BIN, "import-plan", "/nonexistent/plan.txt", "--json"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Lỗi");
    const u = spawnSync("node", [BIN, "import-plan", join(process.cwd(), "package.json")], { encoding: "utf8" });
    expect(u.status).toBe(1);
    expect(u.stderr).toContain("Không hỗ trợ");
  });
  it("prints bilingual usage and exits 2 for an unknown command", { timeout: 60_000 }, () => {
    const r = spawnSync("node", [BIN, "frobnicate"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Lệnh không tồn tại / unknown command");
  });
});
