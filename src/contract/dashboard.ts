import { z } from "zod";
import { formatNumberVi } from "../core/format";
import { zText } from "./common";
import { TIMELINESS } from "./reporting";

// The progress dashboard of a unit against a plan, and the report documents built
// from the same numbers (one service, one view model: what the API shows is what
// the DOCX and XLSX print).

export const STATUS_CODES = ["achieved", "on_track", "at_risk", "off_track", "no_data"] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

const zPeriod = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}(S1)?$/, "kỳ: 2024 (năm) hoặc 2024S1 (6 tháng)")
  .describe("“2024” annual or “2024S1” six-month (NĐ 09/2019 windows)");

const zBool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const ZDashboardQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  planId: z.coerce.number().int().positive(),
  period: zPeriod,
  format: z.enum(["json", "csv"]).default("json").describe("csv: one table as CSV (UTF-8 with BOM)"),
  table: z.enum(["indicators", "lowerUnits", "reporters"]).default("indicators").describe("which table, for CSV"),
  public: zBool
    .default(false)
    .describe("true: an output for the public — counts 1–4 of gender-based-violence figures are suppressed (x)"),
});
export type DashboardQuery = z.infer<typeof ZDashboardQuery>;

export const ZDashboardOptionsQuery = z.object({ unitId: z.coerce.number().int().positive() });

export const ZStatusExplain = z.object({
  method: z.enum(["growth-rate", "linear"]).nullable(),
  baseline: z.object({ year: z.number().int(), value: z.number().nullable() }).nullable(),
  baselineSource: z.enum(["target", "series"]).nullable(),
  latest: z.object({ year: z.number().int(), value: z.number().nullable() }).nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  comparator: z.string().nullable(),
  yearsElapsed: z.number().nullable(),
  yearsToTarget: z.number().nullable(),
  actualRate: z.number().nullable(),
  requiredRate: z.number().nullable(),
  ratio: z.number().nullable().describe("actual ÷ required rate (CR)"),
  thresholds: z.object({ onTrack: z.number(), atRisk: z.number() }),
  tolerance: z.number().nullable(),
  reason: z.string().nullable(),
});
export type StatusExplainOut = z.infer<typeof ZStatusExplain>;

export const ZTrendPoint = z.object({
  period: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: z.enum(STATUS_CODES).describe("the status as assessed for that year"),
  explain: ZStatusExplain,
});

export const ZDashboardIndicator = z.object({
  key: z.string().describe("indicatorId-formulaIndex: one row per target subject"),
  indicatorId: z.number().int(),
  goalId: z.number().int(),
  code: z.string().describe("“2.1”"),
  text: z.string(),
  subject: z.string().nullable(),
  unit: z.string().describe("% | times | per100 | per1000 | per100000 | count"),
  kind: z.string().describe("formula kind"),
  sensitive: z.boolean().describe("reads gender-based-violence counts: suppressed in public outputs"),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  partial: z.boolean(),
  reason: z.string().nullable().describe("why there is no value: no-data, zero-denominator…"),
  target: z
    .object({
      comparator: z.string(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      year: z.number().int(),
      source: z.enum(["exact", "nearest-milestone"]).describe("nearest-milestone: no target for this year"),
      origin: z.enum(["plan", "upper"]).describe("upper: the plan has none, the level above's is shown"),
      text: z.string().describe("“≥ 60% (2025)”"),
    })
    .nullable(),
  gap: z.number().nullable().describe("target − value"),
  status: z.enum(STATUS_CODES),
  explain: ZStatusExplain,
  projection: z
    .object({ year: z.number().int(), value: z.number(), meetsTarget: z.boolean(), points: z.number().int() })
    .nullable(),
  trend: z.array(ZTrendPoint),
});
export type DashboardIndicator = z.infer<typeof ZDashboardIndicator>;

export const ZStatusCounts = z.object({
  achieved: z.number().int(),
  on_track: z.number().int(),
  at_risk: z.number().int(),
  off_track: z.number().int(),
  no_data: z.number().int(),
});

export const ZGoalCard = z.object({
  goalId: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  counts: ZStatusCounts,
  total: z.number().int(),
});

export const ZCellValue = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});

export const ZLowerUnit = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  values: z.record(z.string(), ZCellValue).describe("indicator key → value"),
});
export type LowerUnit = z.infer<typeof ZLowerUnit>;

export const ZDashboardReporter = z.object({
  reporterKey: z.string(),
  kind: z.enum(["agency", "unit"]),
  name: z.string(),
  state: z.string(),
  submittedAt: z.string().nullable(),
  timeliness: z.enum(TIMELINESS),
});

export const ZDashboardRound = z.object({
  roundId: z.number().int(),
  period: z.string(),
  deadline: z.string(),
  expected: z.number().int(),
  reported: z.number().int().describe("submitted or approved"),
  approved: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  completeness: z.number().describe("reported / expected × 100"),
  timeliness: z.number().describe("on time / expected × 100"),
  reporters: z.array(ZDashboardReporter),
});

export const ZDashboard = z.object({
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), fullName: z.string(), level: z.string() }),
  plan: z.object({
    id: z.number().int(),
    title: z.string(),
    number: z.string().nullable(),
    symbol: z.string(),
    unitId: z.number().int(),
    periodFrom: z.number().int(),
    periodTo: z.number().int(),
  }),
  period: z.string(),
  periodLabel: z.string(),
  year: z.number().int(),
  isNational: z.boolean().describe("the unit is the root: lower units are the 34 provinces (map)"),
  goals: z.array(ZGoalCard),
  indicators: z.array(ZDashboardIndicator),
  lowerUnits: z.array(ZLowerUnit),
  round: ZDashboardRound.nullable(),
  actionMonth: z
    .object({ from: z.string(), to: z.string(), label: z.string() })
    .nullable()
    .describe("Tháng hành động vì bình đẳng giới (15/11–15/12) of the period's year"),
});
export type Dashboard = z.infer<typeof ZDashboard>;

export const ZDashboardOptions = z.object({
  unit: z.object({ id: z.number().int(), fullName: z.string(), level: z.string() }),
  plans: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      unitName: z.string(),
      number: z.string().nullable(),
      symbol: z.string(),
      periods: z.array(z.object({ id: z.string(), label: z.string() })),
      defaultPeriod: z.string(),
    }),
  ),
});
export type DashboardOptions = z.infer<typeof ZDashboardOptions>;

export const ZReportParams = z.object({
  unitId: z.coerce.number().int().positive(),
  planId: z.coerce.number().int().positive(),
  period: zPeriod,
});

export const ZReportQuery = z.object({
  public: zBool.default(false).describe("suppress small gender-based-violence counts (x)"),
  number: zText(20).optional().describe("the report's number, blank while drafting"),
  recipient: zText(300).optional().describe("Kính gửi …"),
  activities: zText(8000).optional().describe("activities and the Action Month, one paragraph per line"),
  difficulties: zText(8000).optional().describe("III. khó khăn, vướng mắc (one paragraph per line)"),
  proposals: zText(8000).optional().describe("IV. đề xuất, kiến nghị (one paragraph per line)"),
});
export type ReportQuery = z.infer<typeof ZReportQuery>;

/** Status names as officials write them (the report's “Đánh giá” column) and in English. */
export const STATUS_LABELS: Record<StatusCode, { vi: string; en: string }> = {
  achieved: { vi: "Đạt", en: "Achieved" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  at_risk: { vi: "Có nguy cơ", en: "At risk" },
  off_track: { vi: "Chậm tiến độ", en: "Off track" },
  no_data: { vi: "Chưa có số liệu", en: "No data" },
};

const UNIT_SUFFIX: Record<string, string> = {
  "%": "%",
  times: " lần",
  per100: "/100",
  per1000: "/1.000",
  per100000: "/100.000",
};

/** An indicator value as documents print it: "48,72%", "1,4 lần", "35/100.000"; "—" without a value. */
export function formatIndicatorValue(value: number | null, unit: string | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return `${formatNumberVi(value)}${UNIT_SUFFIX[unit ?? ""] ?? ""}`;
}
