import { z } from "zod";
import {
  COMPARATORS,
  GOAL_DOMAINS,
  INDICATOR_KINDS,
  MODEL_MODES,
  PLAN_SOURCES,
  PLAN_STATUSES,
  REPORT_KINDS,
  RESPONSIBILITY_ROLES,
  TARGET_UNITS,
} from "../core/plan";
import { zId, zIsoDate, zNonEmptyText, zText } from "./common";

const zMonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "MM-DD");
const zYear = z.number().int().min(2000).max(2100);

// The free-text sections are written (NFC-normalised, trimmed) and read with
// the same shape; responses cannot carry transforms, so each schema is built
// twice from one description: once with input text, once with plain strings.
type TextSchema = (max?: number) => z.ZodType<string, string>;
const zOutText: TextSchema = () => z.string();
const zInText: TextSchema = (max = 500) => zText(max) as unknown as z.ZodType<string, string>;

function sectionSchemas(text: TextSchema, nonEmpty: TextSchema) {
  const legalBasisEntry = z.object({
    type: text(60).describe("Nghị quyết, Quyết định, Kế hoạch, Công văn …"),
    number: text(60),
    date: zIsoDate.nullable(),
    issuer: text(200),
    title: text(500).nullable().optional(),
    planId: z.number().int().nullable().optional().describe("the plan in the system this entry is, when it is one"),
  });
  const task = z.object({
    goalNumber: z.number().int().nullable().describe("null: a general task"),
    text: nonEmpty(4000),
    agencyIds: z.array(z.number().int()),
    due: zIsoDate.nullable().optional(),
  });
  const model = z.object({
    name: nonEmpty(300),
    mode: z.enum(MODEL_MODES),
    communes: z.array(text(200)),
  });
  const reportRule = z.object({
    kind: z.enum(REPORT_KINDS),
    due: zMonthDay.describe("deadline MM-DD; quarterly: the first quarter's"),
    to: text(200),
  });
  return z.object({
    issuerLines: z.array(text(200)).describe("issuing body, top left: [“ỦY BAN NHÂN DÂN”, “THÀNH PHỐ CẦN THƠ”]"),
    legalBasis: z.array(legalBasisEntry),
    purposes: z.array(text(4000)),
    requirements: z.array(text(4000)),
    generalObjective: text(4000),
    tasks: z.array(task),
    models: z.array(model),
    budget: z.array(text(2000)),
    agencyDuties: z.array(z.object({ agencyId: z.number().int(), duties: z.array(text(4000)) })),
    reporting: z.array(reportRule),
    actionMonth: z.object({ from: zMonthDay, to: zMonthDay }),
    recipients: z.array(text(300)),
    signer: z.object({
      positionLines: z.array(text(200)).describe("[“TM. ỦY BAN NHÂN DÂN”, “KT. CHỦ TỊCH”, “PHÓ CHỦ TỊCH”]"),
      name: text(200),
    }),
  });
}

/** As the API returns them. */
export const ZPlanSections = sectionSchemas(zOutText, zOutText);
/** As clients send them (text normalised to NFC). */
export const ZPlanSectionsInput = sectionSchemas(
  zInText,
  (max = 500) => zNonEmptyText(max) as unknown as z.ZodType<string, string>,
);
export type PlanSections = z.infer<typeof ZPlanSections>;

export const ZTargetInput = z.object({
  subject: zText(300).nullable().optional(),
  comparator: z.enum(COMPARATORS),
  value: z.number().nullable(),
  unit: z.enum(TARGET_UNITS).nullable(),
  year: zYear,
  baseline: z.number().nullable().optional(),
});
export type TargetInput = z.infer<typeof ZTargetInput>;

export const ZPlanTarget = z.object({
  id: z.number().int(),
  subject: z.string().nullable(),
  comparator: z.enum(COMPARATORS),
  value: z.number().nullable(),
  unit: z.enum(TARGET_UNITS).nullable(),
  year: z.number().int(),
  baseline: z.number().nullable(),
});

export const ZUpperTarget = z.object({
  subject: z.string().nullable(),
  comparator: z.enum(COMPARATORS),
  value: z.number().nullable(),
  unit: z.enum(TARGET_UNITS).nullable(),
  year: z.number().int(),
  forYear: z.number().int(),
  isNearestMilestone: z
    .boolean()
    .describe("the upper level has no target that year: its nearest milestone, as reference"),
  verified: z.boolean(),
});

export const ZPlanIndicator = z.object({
  id: z.number().int(),
  goalId: z.number().int(),
  number: z.number().int(),
  code: z.string(),
  text: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  catalogueIndicatorId: z.number().int().nullable(),
  upperIndicatorId: z.number().int().nullable(),
  upperCode: z.string().nullable(),
  isLocal: z.boolean(),
  dropped: z.boolean(),
  dropReason: z.string().nullable(),
  targets: z.array(ZPlanTarget),
  upperTargets: z.array(ZUpperTarget),
});
export type PlanIndicator = z.infer<typeof ZPlanIndicator>;

export const ZPlanGoal = z.object({
  id: z.number().int(),
  number: z.number().int(),
  domain: z.enum(GOAL_DOMAINS).nullable(),
  title: z.string(),
  indicators: z.array(ZPlanIndicator),
});

export const ZResponsibility = z.object({
  indicatorId: z.number().int(),
  agencyId: z.number().int(),
  role: z.enum(RESPONSIBILITY_ROLES),
});
export type Responsibility = z.infer<typeof ZResponsibility>;

export const ZPlanSummary = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  issuerAgencyId: z.number().int().nullable(),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  previousVersionId: z.number().int().nullable(),
  number: z.string().nullable(),
  symbol: z.string(),
  title: z.string(),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  issuedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof ZPlanSummary>;
export const ZPlanList = z.object({ items: z.array(ZPlanSummary) });

export const ZPlan = ZPlanSummary.extend({
  sourceKind: z.enum(PLAN_SOURCES).nullable(),
  sourceStrategyId: z.number().int().nullable(),
  sourcePlanId: z.number().int().nullable(),
  sourceLabel: z.string().nullable(),
  place: z.string(),
  sections: ZPlanSections,
  goals: z.array(ZPlanGoal),
  responsibilities: z.array(ZResponsibility),
  agencies: z.array(z.object({ id: z.number().int(), name: z.string() })).describe("agencies of the issuing unit"),
  issuedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof ZPlan>;

export const ZPlanListQuery = z.object({ unitId: zId });

export const ZPlanSources = z.object({
  strategies: z.array(
    z.object({ id: z.number().int(), title: z.string(), periodFrom: z.number(), periodTo: z.number() }),
  ),
  plans: z.array(ZPlanSummary),
});

export const ZCreatePlanFromInput = z.object({
  source: z.enum(PLAN_SOURCES),
  sourceId: zId,
  unitId: zId,
  periodFrom: zYear,
  periodTo: zYear,
  title: zText(500).optional(),
  issuerAgencyId: zId.nullable().optional(),
});
export type CreatePlanFromInput = z.infer<typeof ZCreatePlanFromInput>;

const zExpected = z.string().optional().describe("optimistic lock: the updatedAt the client last saw");

export const ZUpdatePlanInput = z.object({
  expectedUpdatedAt: zExpected,
  symbol: zNonEmptyText(60).optional(),
  place: zNonEmptyText(100).optional(),
  title: zNonEmptyText(500).optional(),
  periodFrom: zYear.optional(),
  periodTo: zYear.optional(),
  sections: ZPlanSectionsInput.partial().optional(),
});
export type UpdatePlanInput = z.infer<typeof ZUpdatePlanInput>;

export const ZAddGoalInput = z.object({
  expectedUpdatedAt: zExpected,
  title: zNonEmptyText(500),
  domain: z.enum(GOAL_DOMAINS).nullable().optional(),
});
export const ZUpdateGoalInput = z.object({ expectedUpdatedAt: zExpected, title: zNonEmptyText(500) });

export const ZAddIndicatorInput = z.object({
  expectedUpdatedAt: zExpected,
  goalId: zId,
  text: zNonEmptyText(2000),
  kind: z.enum(INDICATOR_KINDS).default("quantitative"),
  targets: z.array(ZTargetInput).default([]),
});
export type AddIndicatorInput = z.infer<typeof ZAddIndicatorInput>;

export const ZUpdateIndicatorInput = z.object({
  expectedUpdatedAt: zExpected,
  text: zNonEmptyText(2000).optional(),
  kind: z.enum(INDICATOR_KINDS).optional(),
  dropped: z.boolean().optional(),
  dropReason: zText(1000).nullable().optional(),
});
export type UpdateIndicatorInput = z.infer<typeof ZUpdateIndicatorInput>;

export const ZSetTargetsInput = z.object({ expectedUpdatedAt: zExpected, targets: z.array(ZTargetInput).max(40) });
export const ZSetResponsibilitiesInput = z.object({
  expectedUpdatedAt: zExpected,
  items: z.array(ZResponsibility).max(5000),
});

export const ZIssuePlanInput = z.object({
  expectedUpdatedAt: zExpected,
  number: zNonEmptyText(20).refine((s) => /^\d+[A-Za-z]?$/.test(s), "số văn bản, ví dụ 262"),
  issuedOn: zIsoDate,
});
export type IssuePlanInput = z.infer<typeof ZIssuePlanInput>;

export const ZPlanCheck = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  messageEn: z.string(),
  indicatorId: z.number().int().nullable(),
  agencyId: z.number().int().nullable(),
});
export const ZPlanChecks = z.object({ items: z.array(ZPlanCheck), blocksIssuing: z.boolean() });
export type PlanChecks = z.infer<typeof ZPlanChecks>;

export const ZPlanDiffQuery = z.object({ against: zId.optional().describe("default: the previous version") });
export const ZPlanDiff = z.object({
  fromId: z.number().int(),
  toId: z.number().int(),
  changes: z.array(
    z.object({
      kind: z.enum(["added", "removed", "changed"]),
      area: z.string(),
      label: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
});
export type PlanDiff = z.infer<typeof ZPlanDiff>;

export const ZPlanGoalParams = z.object({ id: zId, goalId: zId });
export const ZPlanIndicatorParams = z.object({ id: zId, indicatorId: zId });
