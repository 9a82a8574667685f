import { systemActor } from "../services/context";
import { loadDemo } from "../services/demo.service";
import { todayIso } from "../services/unit.service";
import { loadReferenceUnits } from "../services/unit-load.service";
import { withDatabase } from "./with-database";

export async function run(): Promise<number> {
  return withDatabase(async ({ db }) => {
    await loadReferenceUnits(db);
    const report = await loadDemo(db, systemActor("binhdang demo"), todayIso());
    console.log(`Dữ liệu mẫu: thêm ${report.agencies} cơ quan, ${report.users} người dùng, ${report.plans} kế hoạch.`);
    return 0;
  });
}
