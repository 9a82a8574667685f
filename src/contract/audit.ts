import { z } from "zod";

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  old: z.unknown().nullable(),
  new: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  objectType: z.string().min(1).max(40),
  objectId: z.string().min(1).max(40),
});
export const ZAuditList = z.object({ items: z.array(ZAuditEntry) });
