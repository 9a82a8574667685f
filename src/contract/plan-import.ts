import { z } from "zod";
import { AGENCY_TYPES } from "../core/agencies";
import { COMPARATORS, GOAL_DOMAINS, REPORT_KINDS, RESPONSIBILITY_ROLES, TARGET_UNITS } from "../core/plan";
import { zId, zText } from "./common";

// Importing a plan document: upload → what was read (extract, spans, warnings,
// indicator matches) → the officer reviews and edits → save as a draft plan.
// The extract mirrors shared/import/SCHEMA.md (vn-parser/types.ts).

const zMonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "MM-DD");
const zYear = z.number().int().min(1990).max(2100);

export const ZPlanImportQuery = z.object({
  unitId: zId.describe("the unit the plan will belong to (plan.write needed)"),
  upperPlanId: zId.optional().describe("the plan of the level above: its indicators are match candidates"),
});
export type PlanImportQuery = z.infer<typeof ZPlanImportQuery>;

function extractSchema(text: (max: number) => z.ZodType<string, string>) {
  const target = z.object({
    subject: text(300).nullable(),
    comparator: z.enum(COMPARATORS),
    value: z.number().nullable(),
    unit: z.enum(TARGET_UNITS).nullable(),
    year: zYear.nullable(),
    baseline: z.number().nullable(),
  });
  const indicator = z.object({
    number: z.number().int().nullable(),
    text: text(2000),
    targets: z.array(target).max(40),
  });
  const goal = z.object({
    number: z.number().int().nullable(),
    domain: z.enum(GOAL_DOMAINS).nullable(),
    title: text(500).nullable(),
    indicators: z.array(indicator).max(100),
  });
  return z.object({
    document: z.object({
      kind: z.enum(["plan", "report", "other"]),
      number: text(60).nullable(),
      symbol: text(60).nullable(),
      place: text(100).nullable(),
      date: z.string().max(10).nullable(),
      title: text(500).nullable(),
      periodFrom: zYear.nullable(),
      periodTo: zYear.nullable(),
      signer: z.object({ name: text(200).nullable(), position: text(300).nullable() }).nullable(),
    }),
    legalBasis: z
      .array(
        z.object({
          number: text(60),
          date: z.string().max(10).nullable(),
          type: text(60).nullable(),
          issuer: text(200).nullable(),
        }),
      )
      .max(50),
    goals: z.array(goal).max(30),
    assignments: z
      .array(
        z.object({
          agency: text(300),
          role: z.enum(RESPONSIBILITY_ROLES),
          goal: z.number().int().nullable(),
          indicator: z.number().int().nullable(),
        }),
      )
      .max(1000),
    reporting: z
      .array(
        z.object({
          kind: z.enum(REPORT_KINDS),
          due: zMonthDay,
          year: z.number().int().nullable(),
          to: text(300).nullable(),
        }),
      )
      .max(10),
    actionMonth: z.object({ from: zMonthDay, to: zMonthDay }).nullable(),
  });
}

const outText = () => z.string();
const inText = (max: number) => zText(max) as unknown as z.ZodType<string, string>;

export const ZPlanExtract = extractSchema(outText);
export const ZPlanExtractInput = extractSchema(inText);
export type PlanExtractInput = z.infer<typeof ZPlanExtractInput>;

export const ZSpan = z.object({ start: z.number().int(), end: z.number().int() });

export const ZIndicatorLink = z.object({
  kind: z.enum(["catalogue", "upper"]),
  id: z.number().int(),
});
export type IndicatorLink = z.infer<typeof ZIndicatorLink>;

/** An indicator the imported one may implement: national catalogue or the upper plan. */
export const ZLinkCandidate = ZIndicatorLink.extend({
  code: z.string(),
  text: z.string(),
});
export type LinkCandidate = z.infer<typeof ZLinkCandidate>;

export const ZIndicatorMatches = z.object({
  path: z.string().describe("the indicator's path in the extract, e.g. goals.1.indicators.0"),
  candidates: z.array(
    ZLinkCandidate.extend({
      score: z.number(),
      reason: z.string().describe("Vietnamese: shared words, domain and unit agreement"),
    }),
  ),
  suggested: ZIndicatorLink.nullable().describe("proposed as accepted; null: the officer chooses (or local)"),
});
export type IndicatorMatches = z.infer<typeof ZIndicatorMatches>;

export const ZAgencySuggestion = z.object({
  name: z.string().describe("as written in the document"),
  agencyId: z.number().int().nullable().describe("an existing agency of the unit with this name"),
  type: z.enum(AGENCY_TYPES).describe("the type a new agency would get"),
});

export const ZPlanImportResult = z.object({
  fileName: z.string(),
  format: z.enum(["txt", "md", "docx", "pdf"]),
  text: z.string(),
  extract: ZPlanExtract,
  warnings: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string(), span: ZSpan.optional() })),
  spans: z.record(z.string(), ZSpan),
  matches: z.array(ZIndicatorMatches),
  candidates: z.array(ZLinkCandidate).describe("every indicator one may link to, for the change select"),
  agencies: z.array(z.object({ id: z.number().int(), name: z.string() })).describe("open agencies of the unit"),
  agencySuggestions: z.array(ZAgencySuggestion),
});
export type PlanImportResult = z.infer<typeof ZPlanImportResult>;

export const ZAgencyChoice = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), agencyId: zId }),
  z.object({ mode: z.literal("create"), type: z.enum(AGENCY_TYPES) }),
  z.object({ mode: z.literal("skip") }),
]);
export type AgencyChoice = z.infer<typeof ZAgencyChoice>;

export const ZSavePlanImportInput = z.object({
  unitId: zId,
  upperPlanId: zId.nullable().optional(),
  fileName: zText(300).optional(),
  extract: ZPlanExtractInput,
  links: z
    .record(z.string().max(60), ZIndicatorLink.nullable())
    .describe("indicator path → catalogue or upper-plan indicator; null or absent: a local indicator"),
  agencies: z.record(z.string().max(300), ZAgencyChoice).describe("agency name as in the extract → choice"),
});
export type SavePlanImportInput = z.infer<typeof ZSavePlanImportInput>;

export const ZSavePlanImportResult = z.object({
  planId: z.number().int(),
  goals: z.number().int(),
  indicators: z.number().int(),
  responsibilities: z.number().int(),
  createdAgencies: z.number().int(),
});
export type SavePlanImportResult = z.infer<typeof ZSavePlanImportResult>;
