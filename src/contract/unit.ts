import { z } from "zod";
import { UNIT_LEVELS, UNIT_TYPES } from "../core/units";
import { zIsoDate } from "./common";

export const ZUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(UNIT_TYPES),
  level: z.enum(UNIT_LEVELS),
  depth: z.number().int(),
  parentId: z.number().int().nullable(),
  validFrom: zIsoDate.nullable(),
  validTo: zIsoDate.nullable().describe("exclusive: the first day the unit no longer exists"),
  childCount: z.number().int(),
});
export type Unit = z.infer<typeof ZUnit>;

export const ZAsOfQuery = z.object({
  asOf: zIsoDate.optional().describe("the day the tree is seen on; default today"),
});

export const ZUnitSearchQuery = ZAsOfQuery.extend({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZUnitRevision = z.object({
  validFrom: zIsoDate.nullable(),
  validTo: zIsoDate.describe("exclusive"),
  fullName: z.string(),
  type: z.enum(UNIT_TYPES),
  legalBasis: z.string().nullable(),
});

export const ZUnitWithAncestors = z.object({
  unit: ZUnit,
  ancestors: z.array(ZUnit).describe("root first, parent last"),
  revisions: z.array(ZUnitRevision).describe("earlier names/types of this unit under the same code, oldest first"),
});

export const ZUnitList = z.object({ items: z.array(ZUnit) });

export const ZSearchHit = ZUnit.extend({ path: z.array(z.string()).describe("names of the ancestors, root first") });
export const ZUnitSearchResult = z.object({ items: z.array(ZSearchHit) });

export const ZCrosswalkRow = z.object({
  oldUnit: ZUnit,
  newUnit: ZUnit,
  relation: z.enum(["whole", "part"]),
  note: z.string().nullable(),
});
export const ZCrosswalkList = z.object({ items: z.array(ZCrosswalkRow) });

export const ZUnitCodeParams = z.object({ code: z.string().regex(/^(VN|\d{2,5})$/, "mã đơn vị: 2–5 chữ số") });
