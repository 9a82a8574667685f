import { z } from "zod";

/** Vietnamese text enters the system NFC-normalised, whatever the client sent. */
export const zText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize("NFC"));

export const zNonEmptyText = (max = 500) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize("NFC"));

export const zIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "yyyy-mm-dd");

export const zId = z.coerce.number().int().positive();

export const ZIdParams = z.object({ id: zId });

export const ZLocalizedMessage = z.object({ vi: z.string(), en: z.string() });

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe("Vietnamese message for the user"),
    messageEn: z.string(),
    requestId: z.string(),
    details: z.array(z.object({ path: z.string().optional(), message: z.string(), messageEn: z.string() })),
  }),
});
export type ErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZOk = z.object({ ok: z.literal(true) });
