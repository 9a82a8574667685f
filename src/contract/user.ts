import { z } from "zod";
import { ROLES } from "../core/access";
import { zId, zNonEmptyText } from "./common";

export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.number().int().nullable(),
  agencyId: z.number().int().nullable(),
  isActive: z.boolean(),
});
export type User = z.infer<typeof ZUser>;
export const ZUserList = z.object({ items: z.array(ZUser) });

export const ZCreateUserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._-]+$/),
  displayName: zNonEmptyText(120),
  role: z.enum(ROLES),
  unitId: zId.nullable().optional(),
  agencyId: zId.nullable().optional(),
  password: z.string().min(10).max(200),
});
export type CreateUserInput = z.infer<typeof ZCreateUserInput>;
