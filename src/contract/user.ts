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
  unitName: z.string().nullable().describe("the user's unit, or its agency's unit"),
  agencyName: z.string().nullable(),
  agencyUnitId: z.number().int().nullable().describe("the unit of the user's agency"),
  mustChangePassword: z.boolean().describe("signed in with a one-time password not yet changed"),
});
export type User = z.infer<typeof ZUser>;
export const ZUserList = z.object({ items: z.array(ZUser) });
export const ZUserListQuery = z.object({
  unitId: zId.optional().describe("only the accounts of this unit's subtree; omitted: every account (administrators)"),
});

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
  password: z
    .string()
    .min(10)
    .max(200)
    .optional()
    .describe("omitted: the server makes a one-time password, returned once, to be changed at first sign-in"),
});
export type CreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZCreatedUser = ZUser.extend({
  oneTimePassword: z.string().nullable().describe("shown once; null when the password was given"),
});
export type CreatedUser = z.infer<typeof ZCreatedUser>;

export const ZUpdateUserInput = z
  .object({
    displayName: zNonEmptyText(120).optional(),
    role: z.enum(ROLES).optional(),
    unitId: zId.nullable().optional(),
    agencyId: zId.nullable().optional(),
    isActive: z.boolean().optional().describe("false: the user can no longer sign in; open sessions end"),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZPasswordReset = z.object({
  oneTimePassword: z.string().describe("shown once; the user must change it at the next sign-in"),
});
