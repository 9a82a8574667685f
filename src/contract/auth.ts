import { z } from "zod";
import { ROLES } from "../core/access";

export const ZSignInInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZMe = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  locale: z.enum(["vi", "en"]),
});
export type Me = z.infer<typeof ZMe>;

export const ZSession = z.object({ user: ZMe, csrfToken: z.string() });
export type Session = z.infer<typeof ZSession>;

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});
