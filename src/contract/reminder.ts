import { z } from "zod";
import { zText } from "./common";

const zReporterKey = z
  .string()
  .regex(/^(agency|unit)-\d{1,10}$/)
  .describe("“agency-12” (an agency) or “unit-345” (a lower unit)");

/** One reminder as a reporter (or the level above) sees it. */
export const ZReminder = z.object({
  sentAt: z.string().describe("ISO 8601 UTC; shown in Asia/Ho_Chi_Minh"),
  sentBy: z
    .string()
    .nullable()
    .describe("display name of the officer who sent it; null: the system's automatic reminder"),
  message: z.string().nullable(),
});
export type Reminder = z.infer<typeof ZReminder>;

export const ZReminderList = z.object({ items: z.array(ZReminder).describe("newest first") });

export const ZSendReminderInput = z.object({
  reporterKey: zReporterKey.optional().describe("remind only this reporter; omitted: every reporter not yet in"),
  message: zText(500).optional().describe("optional note shown to the reporter"),
});
export type SendReminderInput = z.infer<typeof ZSendReminderInput>;

export const ZSendReminderResult = z.object({
  sent: z.array(z.object({ reporterKey: z.string(), name: z.string(), sentAt: z.string() })),
  skipped: z
    .array(z.object({ reporterKey: z.string(), name: z.string(), lastSentAt: z.string(), nextAt: z.string() }))
    .describe("reporters not yet in but reminded less than 24 hours ago (at most one reminder a day)"),
});
export type SendReminderResult = z.infer<typeof ZSendReminderResult>;

export const DUE_STATUSES = ["upcoming", "today", "overdue"] as const;

export const ZDue = z.object({
  status: z.enum(DUE_STATUSES),
  days: z.number().int().describe("days left (upcoming) or past the deadline (overdue), in Vietnam time; 0 today"),
});
