import { z } from "zod";
import { COMPARATORS, GOAL_DOMAINS, INDICATOR_KINDS, TARGET_UNITS } from "../core/plan";
import { zText } from "./common";

export const ZCatalogueTarget = z.object({
  id: z.number().int(),
  year: z.number().int(),
  comparator: z.enum(COMPARATORS),
  value: z.number().nullable(),
  unit: z.enum(TARGET_UNITS).nullable(),
  subject: z.string().nullable(),
  note: z.string().nullable(),
  verified: z.boolean().describe("false: show “cần đối chiếu văn bản gốc” until an administrator confirms it"),
});
export type CatalogueTarget = z.infer<typeof ZCatalogueTarget>;

export const ZCatalogueIndicator = z.object({
  id: z.number().int(),
  code: z.string(),
  number: z.number().int(),
  text: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  targets: z.array(ZCatalogueTarget),
});
export type CatalogueIndicator = z.infer<typeof ZCatalogueIndicator>;

export const ZCatalogueGoal = z.object({
  id: z.number().int(),
  number: z.number().int(),
  domain: z.enum(GOAL_DOMAINS).nullable(),
  title: z.string(),
  indicators: z.array(ZCatalogueIndicator),
});

export const ZLegalAct = z.object({
  number: z.string(),
  date: z.string(),
  type: z.string(),
  issuer: z.string(),
});
export type LegalAct = z.infer<typeof ZLegalAct>;

export const ZStrategySummary = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  issuedBy: ZLegalAct,
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
});
export const ZStrategyList = z.object({ items: z.array(ZStrategySummary) });

export const ZStrategy = ZStrategySummary.extend({
  generalObjective: z.string().nullable(),
  note: z.string().nullable(),
  goals: z.array(ZCatalogueGoal),
});
export type Strategy = z.infer<typeof ZStrategy>;

export const ZConfirmTargetInput = z.object({
  comparator: z.enum(COMPARATORS),
  value: z.number().nullable(),
  unit: z.enum(TARGET_UNITS).nullable(),
  note: zText(1000).nullable().optional(),
});
export type ConfirmTargetInput = z.infer<typeof ZConfirmTargetInput>;
