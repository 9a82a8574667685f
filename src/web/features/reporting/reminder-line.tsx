import { Stack, Text } from "@mantine/core";
import type { Reminder } from "../../../contract/reminder";
import type { Due } from "../../../core/reporting";
import { formatDate, splitDateTime } from "../../i18n/format";
import { type Translate, useI18n } from "../../i18n/i18n";

/** "Còn 3 ngày (hạn 10/06/2026)", "Hạn hôm nay", "Quá hạn 2 ngày". */
export function dueText(due: Due, deadline: string, t: Translate): string {
  const date = formatDate(deadline);
  if (due.status === "today") return t("reporting.due.today");
  if (due.status === "overdue") {
    return due.days === 1 ? t("reporting.due.overdueOne") : t("reporting.due.overdue", { days: due.days });
  }
  return due.days === 1
    ? t("reporting.due.upcomingOne", { deadline: date })
    : t("reporting.due.upcoming", { days: due.days, deadline: date });
}

// Mantine's orange shades are under 4.5:1 on white for body text; the theme's
// light-variant colour (orange 9 darkened) keeps WCAG AA.
const WARNING_TEXT = "var(--mantine-color-orange-light-color)";

const DUE_COLOR: Record<Due["status"], string | undefined> = {
  upcoming: undefined,
  today: WARNING_TEXT,
  overdue: "red.9",
};

/** Time left on an open form; on the day and once overdue, the deadline itself below. */
export function DueText({ due, deadline, testId }: { due: Due; deadline: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Stack gap={0}>
      <Text size="sm" c={DUE_COLOR[due.status]} fw={due.status === "upcoming" ? undefined : 600} data-testid={testId}>
        {dueText(due, deadline, t)}
      </Text>
      {due.status !== "upcoming" && (
        <Text size="xs" c="dimmed">
          {t("reporting.form.deadline", { deadline: formatDate(deadline) })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * "Cấp trên đã nhắc lúc 09:00 ngày 08/06/2026" (Vietnam time); the system's own reminders (no
 * sender) say so. Null for a bad timestamp.
 */
export function reminderLine(reminder: Reminder, t: Translate): string | null {
  const parts = splitDateTime(reminder.sentAt);
  if (!parts) return null;
  return reminder.sentBy === null ? t("reporting.reminder.autoLine", parts) : t("reporting.reminder.line", parts);
}

/** The latest reminder from the level above, with its note. */
export function ReminderNote({ reminder, testId }: { reminder: Reminder; testId?: string }) {
  const { t } = useI18n();
  const line = reminderLine(reminder, t);
  if (!line) return null;
  return (
    <Stack gap={0} mt={4} data-testid={testId}>
      <Text size="sm" c={WARNING_TEXT}>
        {line}
      </Text>
      {reminder.message && (
        <Text size="sm" c="dimmed">
          {t("reporting.reminder.message", { message: reminder.message })}
        </Text>
      )}
    </Stack>
  );
}
