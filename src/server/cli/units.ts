import { countUnitsByLevel } from "../db/repos/unit.repo";
import { todayIso } from "../services/unit.service";
import { loadReferenceUnits } from "../services/unit-load.service";
import { withDatabase } from "./with-database";

export async function run(args: string[]): Promise<number> {
  if (args[0] !== "load") {
    console.error("Cách dùng / usage: binhdang units load");
    return 2;
  }
  return withDatabase(async ({ db }) => {
    const report = await loadReferenceUnits(db);
    const now = await countUnitsByLevel(db, todayIso());
    const before = await countUnitsByLevel(db, "2025-06-30");
    console.log(
      `Đã thêm ${report.inserted} đơn vị, ${report.crosswalkRows} dòng chuyển đổi, ${report.revisions} thay đổi sau cải cách.`,
    );
    console.log(`Hôm nay: ${now.province ?? 0} tỉnh/thành phố, ${now.commune ?? 0} xã/phường/đặc khu.`);
    console.log(
      `Ngày 30/06/2025: ${before.province ?? 0} tỉnh/thành phố, ${before.district ?? 0} huyện, ${before.commune ?? 0} xã.`,
    );
    return 0;
  });
}
