import type { Role } from "../../core/access";
import type { AgencyType } from "../../core/agencies";
import type { Db } from "../db/client";
import { findOpenAgencyByName, insertAgency } from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import { findUnitByCode } from "../db/repos/unit.repo";
import { findUserByUsername } from "../db/repos/user.repo";
import { type Actor, auditActor } from "./context";
import { loadDemoPlans } from "./plan-demo.service";
import { loadDemoReporting } from "./reporting-demo.service";
import { createUser } from "./user.service";

// The demo: Cần Thơ with its departments, two of its communes, one user per
// role. Idempotent, so `binhdang demo` can be run again after changes.

export const DEMO_PASSWORD = "binhdang-demo";
export const DEMO_CITY_CODE = "92"; // Thành phố Cần Thơ (2025)
export const DEMO_WARD_CODE = "31135"; // Phường Ninh Kiều
export const DEMO_COMMUNE_CODE = "31299"; // Xã Phong Điền

const CITY_AGENCIES: [string, AgencyType][] = [
  ["Sở Nội vụ", "so"],
  ["Sở Y tế", "so"],
  ["Sở Giáo dục và Đào tạo", "so"],
  ["Sở Tài chính", "so"],
  ["Sở Văn hóa, Thể thao và Du lịch", "so"],
  ["Sở Tư pháp", "so"],
  ["Sở Nông nghiệp và Môi trường", "so"],
  ["Sở Công Thương", "so"],
  ["Sở Khoa học và Công nghệ", "so"],
  ["Công an thành phố", "cong_an"],
  ["Thống kê thành phố Cần Thơ", "thong_ke"],
  ["Đài Phát thanh và Truyền hình thành phố", "dai"],
  ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "mat_tran"],
  ["Hội Liên hiệp Phụ nữ thành phố", "hoi"],
  ["Liên đoàn Lao động thành phố", "hoi"],
  ["Ban Vì sự tiến bộ của phụ nữ thành phố", "ban"],
];

const COMMUNE_AGENCIES: [string, AgencyType][] = [
  ["Ủy ban nhân dân", "uy_ban"],
  ["Phòng Văn hóa - Xã hội", "phong"],
  ["Công an", "cong_an"],
  ["Trạm Y tế", "trung_tam"],
  ["Hội Liên hiệp Phụ nữ", "hoi"],
];

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode?: string;
  agency?: [unitCode: string, name: string];
}

export const DEMO_USERS: DemoUser[] = [
  { username: "demo.admin", displayName: "Quản trị viên (demo)", role: "admin" },
  { username: "demo.planner", displayName: "Nguyễn Thị Lan — Sở Nội vụ", role: "planner", unitCode: DEMO_CITY_CODE },
  { username: "demo.ward", displayName: "Trần Văn Minh — Phường Ninh Kiều", role: "planner", unitCode: DEMO_WARD_CODE },
  {
    username: "demo.reporter",
    displayName: "Lê Thị Hoa — Sở Y tế",
    role: "reporter",
    agency: [DEMO_CITY_CODE, "Sở Y tế"],
  },
  {
    username: "demo.ward.reporter",
    displayName: "Phạm Thị Thu — Phường Ninh Kiều",
    role: "reporter",
    unitCode: DEMO_WARD_CODE,
  },
  { username: "demo.viewer", displayName: "Võ Văn Tâm — Lãnh đạo UBND", role: "viewer", unitCode: DEMO_CITY_CODE },
];

export interface DemoReport {
  agencies: number;
  users: number;
  plans: number;
  submissions: number;
}

export async function loadDemo(db: Db, actor: Actor, asOf: string): Promise<DemoReport> {
  const unitId = async (code: string) => {
    const unit = await findUnitByCode(db, code, asOf);
    if (!unit) throw new Error(`demo: unit ${code} not loaded; run "binhdang units load" first`);
    return unit.id;
  };
  let agencies = 0;
  const seed = async (code: string, list: [string, AgencyType][]) => {
    const id = await unitId(code);
    for (const [name, type] of list) {
      if (await findOpenAgencyByName(db, id, name)) continue;
      await db.transaction(async (tx) => {
        const row = await insertAgency(tx, { unitId: id, name, type, shortName: null });
        await insertAudit(tx, {
          ...auditActor(actor),
          action: "create",
          objectType: "agency",
          objectId: row.id,
          old: null,
          new: row,
        });
      });
      agencies++;
    }
  };
  await seed(DEMO_CITY_CODE, CITY_AGENCIES);
  await seed(DEMO_WARD_CODE, COMMUNE_AGENCIES);
  await seed(DEMO_COMMUNE_CODE, COMMUNE_AGENCIES);

  let users = 0;
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    let agencyId: number | null = null;
    if (u.agency) {
      const agency = await findOpenAgencyByName(db, await unitId(u.agency[0]), u.agency[1]);
      agencyId = agency?.id ?? null;
    }
    await createUser(db, actor, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitCode ? await unitId(u.unitCode) : null,
      agencyId,
      password: DEMO_PASSWORD,
    });
    users++;
  }
  const plans = await loadDemoPlans(db, actor, await unitId(DEMO_CITY_CODE), await unitId(DEMO_WARD_CODE));
  // Reporting: rounds of the city plans with two years of figures (reporting-demo.service.ts).
  const submissions = await loadDemoReporting(db, actor, await unitId(DEMO_CITY_CODE), [
    await unitId(DEMO_WARD_CODE),
    await unitId(DEMO_COMMUNE_CODE),
  ]);
  return { agencies, users, plans, submissions };
}
