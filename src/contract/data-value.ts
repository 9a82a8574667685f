import { z } from "zod";
import { SUBMISSION_STATES } from "../core/reporting";
import { zText } from "./common";
import { ZRound } from "./reporting";

export const ZEntryIssue = z.object({
  severity: z.enum(["error", "warning"]).describe("errors block submitting; a warning needs a comment"),
  code: z.string(),
  element: z.string(),
  option: z.string(),
  period: z.string(),
  message: z.string().describe("Vietnamese"),
  messageEn: z.string(),
});
export type EntryIssueOut = z.infer<typeof ZEntryIssue>;

export const ZFormCell = z.object({
  option: z.enum(["nu", "nam", "total"]).describe("nu = nữ, nam = nam, total = not by sex"),
  label: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable().describe("the same figure in the previous period"),
  comment: z.string().nullable(),
  lockedBy: z
    .string()
    .nullable()
    .describe("set when the figure was already reported in another round (read-only here), e.g. “2024S1”"),
});

export const ZFormRow = z.object({
  element: z.string().describe("data element code"),
  name: z.string(),
  valueType: z.enum(["count", "hours", "amount", "flag", "percent"]),
  period: z.string(),
  periodLabel: z.string(),
  previousPeriod: z.string(),
  indicatorIds: z.array(z.number().int()),
  cells: z.array(ZFormCell),
});

export const ZForm = z.object({
  round: ZRound,
  reporter: z.object({
    key: z.string(),
    kind: z.enum(["agency", "unit"]),
    name: z.string(),
    unitId: z.number().int(),
    agencyId: z.number().int().nullable(),
  }),
  state: z.enum(SUBMISSION_STATES),
  editable: z.boolean().describe("false once submitted or approved"),
  updatedAt: z.string().describe("send back as expectedUpdatedAt"),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable().describe("display name of the user who submitted; null when never submitted"),
  decidedAt: z
    .string()
    .nullable()
    .describe("when the current approval or return was made; null unless approved or returned"),
  decidedBy: z.string().nullable().describe("display name of the user who approved or returned it"),
  decisionComment: z.string().nullable().describe("the approver's comment (a return's or reopening's reason)"),
  indicators: z.array(z.object({ id: z.number().int(), code: z.string(), text: z.string() })),
  goals: z.array(
    z.object({ goalId: z.number().int(), number: z.number().int(), title: z.string(), narrative: z.string() }),
  ),
  rows: z.array(ZFormRow),
  issues: z.array(ZEntryIssue),
  evidence: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      mime: z.string(),
      size: z.number().int(),
      uploadedAt: z.string(),
    }),
  ),
});
export type Form = z.infer<typeof ZForm>;

export const ZSaveFormInput = z.object({
  expectedUpdatedAt: z.string().optional().describe("optimistic lock: the form's updatedAt the client last saw"),
  values: z
    .array(
      z.object({
        element: z.string().max(60),
        period: z.string().max(10),
        option: z.enum(["nu", "nam", "total"]),
        value: z.number().nullable().describe("null clears the figure"),
        comment: zText(1000).nullable().optional().describe("required when the figure jumps from the previous period"),
      }),
    )
    .max(5000)
    .default([]),
  narrative: z.record(z.string(), zText(20000)).optional().describe("goalId → narrative text"),
});
export type SaveFormInput = z.infer<typeof ZSaveFormInput>;

export const ZIndicatorValuesQuery = z.object({
  planId: z.coerce.number().int().positive(),
  period: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{4}(S1|Q[1-4]|C)?$/),
  tree: z
    .enum(["native", "new"])
    .default("native")
    .describe("new: re-express pre-2025 history on the current tree through the crosswalk"),
});

export const ZIndicatorValue = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.enum(["no-data", "zero-denominator", "partial", "invalid-formula"]).nullable(),
});

export const ZIndicatorValues = z.object({
  unitId: z.number().int(),
  planId: z.number().int(),
  period: z.string(),
  tree: z.enum(["native", "new"]),
  partial: z.boolean().describe("some history reached this unit only in part (crosswalk “part”): never split by guess"),
  items: z.array(
    ZIndicatorValue.extend({
      indicatorId: z.number().int(),
      code: z.string(),
      text: z.string(),
      subject: z.string().nullable(),
      kind: z.string().describe("formula kind"),
      unit: z.string(),
      bySex: z.object({ nu: ZIndicatorValue, nam: ZIndicatorValue }).nullable(),
      target: z.object({ comparator: z.string(), value: z.number().nullable(), year: z.number().int() }).nullable(),
    }),
  ),
  components: z
    .record(z.string(), z.record(z.string(), z.number()))
    .describe("consolidated sums: data element → option → value"),
});
export type IndicatorValues = z.infer<typeof ZIndicatorValues>;

export const ZFormulaInput = z.object({
  subject: zText(300).nullable().optional(),
  unit: z.enum(["%", "times", "per100", "per1000", "per100000", "count"]),
  formula: z
    .looseObject({ kind: z.enum(["ratio", "rate", "ratioOfRatios", "countOfUnits", "qualitative"]) })
    .describe('core formula, e.g. {"kind":"ratio","numerator":"#{A.nu}","denominator":"#{B.nu}","scale":100}'),
});

export const ZSetIndicatorFormulaInput = z.object({
  formulas: z.array(ZFormulaInput).min(1).max(5),
  dataElements: z
    .array(
      z.object({
        code: z
          .string()
          .regex(/^[A-Z][A-Z0-9_]{1,39}$/)
          .describe("upper-case code, e.g. CLB_BDG"),
        name: zText(300),
        nameEn: zText(300).optional(),
        bySex: z.boolean(),
        valueType: z.enum(["count", "hours", "amount", "flag", "percent"]),
        reportedBy: z.string().max(20).describe("an agency type, or “unit” for the local government itself"),
        source: z.enum(["administrative", "survey"]).default("administrative"),
      }),
    )
    .max(20)
    .optional()
    .describe("local data elements the formula introduces"),
});
export type SetIndicatorFormulaInput = z.infer<typeof ZSetIndicatorFormulaInput>;

export const ZIndicatorFormulas = z.object({
  items: z.array(
    z.object({
      subject: z.string().nullable(),
      unit: z.string(),
      origin: z.enum(["catalogue", "local"]),
      formula: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const ZDataElementList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      options: z.array(z.string()),
      valueType: z.string(),
      reportedBy: z.string(),
      source: z.string(),
      sensitive: z.boolean(),
    }),
  ),
});

// --- DHIS2 dataValueSets (JSON and CSV), idScheme = code -------------------------

export const ZDataValue = z.object({
  dataElement: z.string().describe("data element code"),
  categoryOptionCombo: z.enum(["nu", "nam", "total"]).describe("sex option, or total"),
  value: z.string().describe("the number as text, as DHIS2 sends it"),
  period: z.string().optional().describe("defaults to the set's period"),
  orgUnit: z.string().optional().describe("unit code; defaults to the set's orgUnit"),
  comment: z.string().nullable().optional(),
});

export const ZDataValueSet = z.object({
  dataSet: z.string().describe("the plan id"),
  period: z.string().optional().describe("the round's period"),
  orgUnit: z.string().optional(),
  dataValues: z.array(ZDataValue).max(100_000),
});
export type DataValueSet = z.infer<typeof ZDataValueSet>;

export const ZDataValueSetQuery = z.object({
  dataSet: z.coerce.number().int().positive().describe("plan id"),
  period: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{4}(S1|Q[1-4])?$/)
    .describe("round period"),
  orgUnit: z.string().optional().describe("only values of this unit code"),
  format: z.enum(["json", "csv"]).default("json"),
});

export const ZImportSummary = z.object({
  status: z.enum(["SUCCESS", "ERROR"]).describe("ERROR: nothing was written"),
  importCount: z.object({ imported: z.number().int(), updated: z.number().int(), ignored: z.number().int() }),
  conflicts: z.array(
    z.object({
      row: z.number().int().describe("1-based index in dataValues (or CSV line)"),
      object: z.string(),
      message: z.string(),
      messageEn: z.string(),
    }),
  ),
});
export type ImportSummary = z.infer<typeof ZImportSummary>;

// --- Excel import jobs ------------------------------------------------------------

export const ZImportJob = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "done", "failed"]),
  done: z.number().int(),
  total: z.number().int(),
  fileName: z.string(),
  result: z
    .object({
      written: z.number().int(),
      errors: z.array(z.object({ sheet: z.string(), cell: z.string(), message: z.string(), messageEn: z.string() })),
      message: z.string(),
      messageEn: z.string(),
    })
    .nullable(),
});
export type ImportJob = z.infer<typeof ZImportJob>;

export const ZImportJobParams = z.object({ jobId: z.string().uuid() });
export const ZEvidenceParams = z.object({ id: z.coerce.number().int().positive() });
