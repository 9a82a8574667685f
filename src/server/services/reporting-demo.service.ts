import type { PlanSections } from "../../contract/plan";
import type { Db } from "../db/client";
import { listAgenciesOfUnit } from "../db/repos/agency.repo";
import { findStrategyByCode } from "../db/repos/catalogue.repo";
import { listGoals, listIndicators, listPlansOfUnit, listResponsibilities, type PlanRow } from "../db/repos/plan.repo";
import {
  findRoundByPeriod,
  findSubmission,
  listSubmissionsOfRound,
  updateSubmission,
} from "../db/repos/reporting.repo";
import type { Actor } from "./context";
import { buildForm, saveForm, submitForm } from "./data-value.service";
import { issuePlan, setResponsibilities, updatePlanHeader } from "./plan.service";
import { createPlanFrom } from "./plan-cascade.service";
import { indicatorCode } from "./plan-view.service";
import { decideSubmission, openRound, requireRound } from "./reporting.service";

// The reporting demo: two years of plausible figures for Cần Thơ, its agencies and
// the two demo communes (Ninh Kiều, Phong Điền), 6-month and annual, mostly
// approved so trends exist. Deterministic (values from a hash of their key) and
// idempotent (a submission already past "pending" is left alone). In the latest
// city round (2024), Sở Y tế and Phường Ninh Kiều are left to fill (the browser
// flow); Thống kê, Sở Văn hóa and Xã Phong Điền are submitted but not approved;
// Sở Tài chính is returned with a comment.

const CITY_2025_TITLE = "Thực hiện Chiến lược quốc gia về bình đẳng giới thành phố Cần Thơ năm 2025";

/** Typical annual figures: whole-city ones for agencies, per-commune ones for what communes report. */
const CITY: Record<string, Record<string, number>> = {
  LD_COVIECLAM: { nu: 780000, nam: 905000 },
  DS_15TL: { nu: 1250000, nam: 1196000 },
  GIO_CVKTC: { nu: 25625000, nam: 12200000 },
  DN_CHU: { nu: 2830, nam: 8240 },
  TRE_SINHSONG: { nu: 19100, nam: 21050 },
  TUVONG_ME: { total: 4 },
  SINH_ME_15_19: { total: 1090 },
  PN_15_19: { total: 94800 },
  NNMB_CANHOTRO: { nu: 7, nam: 2 },
  CSTGXH_CONGLAP: { total: 5 },
  GD_NOIDUNG_BDG: { total: 1 },
  HS_DTTS_LOP5: { nu: 905, nam: 948 },
  HS_DTTS_LOP9: { nu: 702, nam: 731 },
  TS_GDNN: { nu: 8120, nam: 11340 },
  NGUOI_THACSI: { nu: 5210, nam: 6080 },
  NGUOI_TIENSI: { nu: 418, nam: 874 },
  DAI_CHUYENMUC_BDG: { total: 6 },
  LD_CHUCHOT: { nu: 1, nam: 3 },
  NBBL_PHATHIEN: { nu: 6, nam: 1 },
  NGBL_PHATHIEN: { nu: 0, nam: 5 },
  TC_TONGSO: { total: 38 },
  TIN_BAI_BDG: { total: 5 },
};

/** Parts of a whole: [whole element, lowest share, highest share]. */
export const PART_OF: Record<string, [string, number, number]> = {
  LD_LAMCONG: ["LD_COVIECLAM", 0.47, 0.55],
  LD_NONGNGHIEP: ["LD_COVIECLAM", 0.24, 0.3],
  DS_TIEPCAN_BDG: ["DS_15TL", 0.7, 0.82],
  NNMB_DUOCHOTRO: ["NNMB_CANHOTRO", 0.8, 1],
  CSTGXH_BLG: ["CSTGXH_CONGLAP", 0.6, 1],
  HS_DTTS_HTTH: ["HS_DTTS_LOP5", 0.95, 0.99],
  HS_DTTS_HTTHCS: ["HS_DTTS_LOP9", 0.84, 0.93],
  NBBL_TIEPCAN: ["NBBL_PHATHIEN", 0.75, 1],
  NGBL_TUVAN: ["NGBL_PHATHIEN", 0.5, 0.85],
  TC_PHOBIEN_CAMKET: ["TC_TONGSO", 0.82, 0.95],
};

/** Counts of events in the period: a 6-month report has about half the year's. */
const FLOWS = new Set(["TUVONG_ME", "NNMB_CANHOTRO", "NBBL_PHATHIEN", "NGBL_PHATHIEN", "TS_GDNN", "DAI_CHUYENMUC_BDG"]);

/** FNV-1a of the key, in [0, 1): the same figure on every run. */
function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

function figure(element: string, option: string, period: string, reporter: string, whole: number | undefined): number {
  const year = Number(period.slice(0, 4));
  const growth = 1 + (year - 2024) * 0.03;
  const noise = 0.95 + 0.1 * unit(`${reporter}|${element}|${option}|${period}`);
  const part = PART_OF[element];
  if (part) {
    const [, lo, hi] = part;
    const share = lo + (hi - lo) * unit(`${reporter}|${element}|${option}|${period}|share`);
    return Math.min(Math.round((whole ?? 0) * share), whole ?? 0);
  }
  const base = CITY[element]?.[option] ?? 10;
  if (element === "GD_NOIDUNG_BDG" || element === "LD_CHUCHOT") return base;
  const half = FLOWS.has(element) && period.includes("S") ? 0.5 : 1;
  return Math.round(base * growth * noise * half);
}

interface Plan {
  plan: PlanRow;
  periods: string[];
}

export async function loadDemoReporting(db: Db, actor: Actor, cityId: number, communeIds: number[]): Promise<number> {
  const cityPlans = await listPlansOfUnit(db, cityId);
  const plan2024 = cityPlans.find((p) => p.status === "issued" && p.periodFrom === 2024 && p.periodTo === 2024);
  if (!plan2024) return 0;
  const plan2025 = await ensureCity2025Plan(db, actor, cityId, plan2024, cityPlans);
  const plans: Plan[] = [{ plan: plan2024, periods: ["2024S1", "2024"] }];
  if (plan2025) plans.push({ plan: plan2025, periods: ["2025S1", "2025"] });
  let filled = 0;
  for (const { plan, periods } of plans) {
    for (const period of periods) {
      const round = (await findRoundByPeriod(db, plan.id, period)) ?? (await openRound(db, actor, plan.id, { period }));
      const isLatest = plan === plan2024 && period === "2024";
      filled += await fillRound(db, actor, round.id, communeIds, isLatest);
    }
  }
  return filled;
}

async function fillRound(db: Db, actor: Actor, roundId: number, communeIds: number[], isLatest: boolean) {
  const { round, plan } = await requireRound(db, roundId);
  const names = await agencyNames(db, plan);
  let filled = 0;
  for (const s of await listSubmissionsOfRound(db, roundId)) {
    if (s.state !== "pending") continue;
    const isCommune = s.agencyId === null && communeIds.includes(s.unitId);
    if (s.agencyId === null && !isCommune) continue; // other communes have not reported yet
    const name = s.agencyId === null ? "" : (names.get(s.agencyId) ?? "");
    const role = isLatest ? latestRole(name, s.unitId === communeIds[0], s.unitId === communeIds[1]) : "approve";
    if (role === "leave") continue;
    const form = await buildForm(db, round, plan, s);
    const wholes = new Map<string, number>();
    const values: { element: string; period: string; option: "nu" | "nam" | "total"; value: number }[] = [];
    // Wholes first, so every part stays within its whole.
    const rows = [...form.rows].sort((a, b) => Number(a.element.code in PART_OF) - Number(b.element.code in PART_OF));
    for (const row of rows) {
      for (const c of row.cells) {
        if (c.lockedBy !== null) continue;
        const code = row.element.code;
        const wholeCode = PART_OF[code]?.[0];
        const whole = wholeCode ? wholes.get(`${wholeCode}|${c.option}|${row.period}`) : undefined;
        const v = figure(code, c.option, row.period, s.reporterKey, whole);
        wholes.set(`${code}|${c.option}|${row.period}`, v);
        values.push({ element: code, period: row.period, option: c.option as "nu" | "nam" | "total", value: v });
      }
    }
    const narrative = Object.fromEntries(
      form.goals.map((g) => [
        String(g.goalId),
        `${g.title}: đã triển khai các nhiệm vụ theo kế hoạch; số liệu kèm theo biểu mẫu ${round.period}.`,
      ]),
    );
    await saveForm(db, actor, roundId, s.reporterKey, { values, narrative }, { via: "demo" });
    await submitForm(db, actor, roundId, s.reporterKey, { values: [] });
    // Back-date to a plausible day: most on time, a few a week late.
    const late = unit(`${s.reporterKey}|${round.period}|late`) < 0.2;
    const day = addDaysIso(round.deadline, late ? 7 : -3);
    await updateSubmission(db, s.id, { submittedAt: `${day}T02:30:00.000Z` });
    if (role === "approve") await decideSubmission(db, actor, roundId, s.reporterKey, "approve", {});
    if (role === "return") {
      await decideSubmission(db, actor, roundId, s.reporterKey, "return", {
        comment: "Đề nghị bổ sung số liệu doanh nghiệp do nữ làm chủ theo số liệu đăng ký kinh doanh mới nhất.",
      });
    }
    if (role !== "submit") {
      const decided = await findSubmission(db, roundId, s.reporterKey);
      if (decided) await updateSubmission(db, decided.id, { decidedAt: `${addDaysIso(day, 2)}T03:00:00.000Z` });
    }
    filled++;
  }
  return filled;
}

type Role = "approve" | "submit" | "return" | "leave";

/** The latest city round, left in mixed states for the demo and the browser flow. */
function latestRole(agencyName: string, isWard: boolean, isCommune: boolean): Role {
  if (isWard || agencyName === "Sở Y tế") return "leave";
  if (isCommune || agencyName.startsWith("Thống kê") || agencyName.startsWith("Sở Văn hóa")) return "submit";
  if (agencyName === "Sở Tài chính") return "return";
  return "approve";
}

async function agencyNames(db: Db, plan: PlanRow): Promise<Map<number, string>> {
  return new Map((await listAgenciesOfUnit(db, plan.unitId, true)).map((a) => [a.id, a.name]));
}

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Cần Thơ's 2025 plan, issued like the 2024 one (same regime and assignments), so 2025 figures exist. */
async function ensureCity2025Plan(
  db: Db,
  actor: Actor,
  cityId: number,
  plan2024: PlanRow,
  cityPlans: PlanRow[],
): Promise<PlanRow | null> {
  const existing = cityPlans.find((p) => p.title === CITY_2025_TITLE);
  if (existing) return existing.status === "issued" ? existing : null;
  const strategy = await findStrategyByCode(db, "NQ28-2021");
  if (!strategy) return null;
  const plan = await createPlanFrom(db, actor, {
    source: "strategy",
    sourceId: strategy.id,
    unitId: cityId,
    periodFrom: 2025,
    periodTo: 2025,
    title: CITY_2025_TITLE,
  });
  const old = plan2024.sections as PlanSections;
  const agg = await updatePlanHeader(db, actor, plan.id, {
    sections: { reporting: old.reporting, recipients: old.recipients, signer: old.signer },
  });
  const goals2024 = await listGoals(db, plan2024.id);
  const indicators2024 = await listIndicators(db, plan2024.id);
  const codeOf = new Map(indicators2024.map((i) => [i.id, indicatorCode(goals2024, i)]));
  const byCode = new Map(agg.indicators.map((i) => [indicatorCode(agg.goals, i), i.id]));
  const items = (await listResponsibilities(db, plan2024.id))
    .map((r) => ({
      indicatorId: byCode.get(codeOf.get(r.indicatorId) ?? "") ?? 0,
      agencyId: r.agencyId,
      role: r.role as "lead" | "support" | "report",
    }))
    .filter((r) => r.indicatorId > 0);
  await setResponsibilities(db, actor, plan.id, { items });
  const issued = await issuePlan(db, actor, plan.id, { number: "18", issuedOn: "2025-01-22" });
  return issued.plan;
}
