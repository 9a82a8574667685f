import { z } from "zod";
import { SUBMISSION_STATES } from "../core/reporting";
import { zText } from "./common";
import { ZDue, ZReminder } from "./reminder";

const zPeriodId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}(S1|Q[1-4])?$/, "kỳ báo cáo: 2024 (năm), 2024S1 (6 tháng), 2024Q3 (quý)")
  .describe("period id: “2024” annual, “2024S1” six-month, “2024Q3” quarterly (NĐ 09/2019 windows)");

export const ZOpenRoundInput = z.object({ period: zPeriodId });
export type OpenRoundInput = z.infer<typeof ZOpenRoundInput>;

export const ZRound = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  period: z.string(),
  periodLabel: z.string().describe("“6 tháng đầu năm 2024”"),
  windowFrom: z.string().describe("first day of the NĐ 09/2019 data window"),
  windowTo: z.string().describe("last day of the data window (inclusive)"),
  deadline: z.string().describe("due date from the plan's reporting regime"),
  treeDate: z.string().describe("the day the lower units were read"),
  openedAt: z.string(),
  expected: z.number().int(),
  submitted: z.number().int().describe("submitted or approved"),
  approved: z.number().int(),
});
export type Round = z.infer<typeof ZRound>;
export const ZRoundList = z.object({ items: z.array(ZRound) });

export const ZPlanIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZRoundReporterParams = z.object({
  id: z.coerce.number().int().positive(),
  reporterKey: z
    .string()
    .regex(/^(agency|unit)-\d{1,10}$/)
    .describe("“agency-12” (an agency) or “unit-345” (a lower unit)"),
});

export const TIMELINESS = ["on_time", "late", "not_submitted", "overdue"] as const;

export const ZReporterStatus = z.object({
  reporterKey: z.string(),
  kind: z.enum(["agency", "unit"]),
  name: z.string(),
  agencyId: z.number().int().nullable(),
  unitId: z.number().int(),
  state: z.enum(SUBMISSION_STATES),
  submittedAt: z.string().nullable(),
  timeliness: z.enum(TIMELINESS).describe("on_time / late vs the deadline; overdue: not in and past the deadline"),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  cells: z.number().int().describe("number of figures asked"),
  lastReminder: ZReminder.nullable().describe("the latest deadline reminder sent to this reporter in the round"),
});

const ZCompleteness = z.object({
  expected: z.number().int(),
  reported: z.number().int().describe("submitted or approved"),
  approved: z.number().int(),
  returned: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  completeness: z.number().describe("reported / expected × 100"),
  timeliness: z.number().describe("on time / expected × 100"),
});

export const ZRoundStatus = z.object({
  round: ZRound,
  total: ZCompleteness,
  agencies: ZCompleteness.describe("the plan's lead and report agencies"),
  lowerUnits: ZCompleteness.describe("lower units (communes) of the plan's unit"),
  reporters: z.array(ZReporterStatus),
});
export type RoundStatus = z.infer<typeof ZRoundStatus>;

export const ZDecisionInput = z.object({
  comment: zText(2000).optional().describe("required when returning or reopening"),
});
export type DecisionInput = z.infer<typeof ZDecisionInput>;

export const ZSubmissionState = z.object({
  reporterKey: z.string(),
  state: z.enum(SUBMISSION_STATES),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  updatedAt: z.string(),
});

export const ZMyForms = z.object({
  items: z.array(
    z.object({
      roundId: z.number().int(),
      planId: z.number().int(),
      planTitle: z.string(),
      period: z.string(),
      periodLabel: z.string(),
      deadline: z.string(),
      reporterKey: z.string().describe("use in /api/rounds/{roundId}/forms/{reporterKey}"),
      state: z.enum(SUBMISSION_STATES),
      submittedAt: z.string().nullable(),
      decidedAt: z
        .string()
        .nullable()
        .describe("when the current approval or return was made; null unless approved or returned"),
      decisionComment: z.string().nullable(),
      due: ZDue.nullable().describe("time left before the deadline; null once the form is sent"),
      lastReminder: ZReminder.nullable().describe("the latest reminder from the level above for this form"),
    }),
  ),
});
export type MyFormItem = z.infer<typeof ZMyForms>["items"][number];
