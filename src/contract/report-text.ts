import { z } from "zod";
import { zText } from "./common";
import { ZReportParams } from "./dashboard";

// The written parts of a unit's 6-month or annual report (số hiệu, Kính gửi, Nơi nhận,
// người ký, activities, difficulties, proposals), saved per unit × plan × period and
// printed by GET /api/reports/…/:period.docx. Multi-line fields: one paragraph (or one
// recipient, one position line) per line; '' prints the plan's default or “…”.

export const ZReportTextParams = ZReportParams;
export type ReportTextParams = z.infer<typeof ZReportTextParams>;

/** Lengths match the .docx query fields, so what can be saved can also be passed by URL. */
export const REPORT_TEXT_LIMITS = {
  number: 20,
  recipient: 300,
  recipients: 2000,
  signerPosition: 300,
  signerName: 200,
  activities: 8000,
  difficulties: 8000,
  proposals: 8000,
} as const;

export type ReportTextField = keyof typeof REPORT_TEXT_LIMITS;
export const REPORT_TEXT_FIELDS = Object.keys(REPORT_TEXT_LIMITS) as ReportTextField[];

const L = REPORT_TEXT_LIMITS;

/** Every field of the written parts; the PUT replaces all of them (a missing field is saved empty). */
export const ZSaveReportTextInput = z.object({
  number: zText(L.number).default("").describe("số văn bản, e.g. “125” (printed “Số: 125/BC-UBND”); '' while drafting"),
  recipient: zText(L.recipient).default("").describe("Kính gửi …; '' = the plan's reporting recipient"),
  recipients: zText(L.recipients).default("").describe("Nơi nhận, one per line; '' = the plan's list"),
  signerPosition: zText(L.signerPosition).default("").describe("signature block lines, one per line"),
  signerName: zText(L.signerName).default(""),
  activities: zText(L.activities).default("").describe("activities carried out, one paragraph per line"),
  difficulties: zText(L.difficulties).default("").describe("III. khó khăn, vướng mắc, one paragraph per line"),
  proposals: zText(L.proposals).default("").describe("IV. đề xuất, kiến nghị, one paragraph per line"),
  expectedUpdatedAt: z
    .string()
    .nullable()
    .optional()
    .describe("optimistic lock: the updatedAt last read (null when nothing was saved yet); omit to skip the check"),
});
export type SaveReportTextInput = z.infer<typeof ZSaveReportTextInput>;

const fields = {
  number: z.string(),
  recipient: z.string(),
  recipients: z.string(),
  signerPosition: z.string(),
  signerName: z.string(),
  activities: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
};

export const ZReportText = z.object({
  unitId: z.number().int(),
  planId: z.number().int(),
  period: z.string(),
  ...fields,
  updatedAt: z.string().nullable().describe("null until first saved; send back as expectedUpdatedAt"),
  updatedByName: z.string().nullable(),
  canEdit: z.boolean().describe("whether the signed-in user may save (the server still decides)"),
  defaults: z
    .object({ recipient: z.string(), recipients: z.string(), signerPosition: z.string(), signerName: z.string() })
    .describe("what the document prints where a field is left empty (from the plan)"),
});
export type ReportText = z.infer<typeof ZReportText>;
