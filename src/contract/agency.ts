import { z } from "zod";
import { AGENCY_TYPES } from "../core/agencies";
import { zId, zIsoDate, zNonEmptyText, zText } from "./common";

export const ZAgency = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(AGENCY_TYPES),
  closedOn: zIsoDate.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agency = z.infer<typeof ZAgency>;

export const ZAgencyList = z.object({ items: z.array(ZAgency) });

export const ZAgencyListQuery = z.object({
  unitId: zId,
  includeClosed: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const ZCreateAgencyInput = z.object({
  unitId: zId,
  name: zNonEmptyText(300),
  shortName: zText(60).nullable().optional(),
  type: z.enum(AGENCY_TYPES),
});
export type CreateAgencyInput = z.infer<typeof ZCreateAgencyInput>;

export const ZUpdateAgencyInput = z.object({
  name: zNonEmptyText(300).optional(),
  shortName: zText(60).nullable().optional(),
  type: z.enum(AGENCY_TYPES).optional(),
  /** Optimistic lock: the updatedAt the client last saw. Nothing is silently overwritten. */
  expectedUpdatedAt: z.string().optional(),
});
export type UpdateAgencyInput = z.infer<typeof ZUpdateAgencyInput>;

export const ZCloseAgencyInput = z.object({ closedOn: zIsoDate });
export type CloseAgencyInput = z.infer<typeof ZCloseAgencyInput>;
