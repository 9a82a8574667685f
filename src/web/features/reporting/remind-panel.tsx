import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { SendReminderResult } from "../../../contract/reminder";
import { ErrorAlert } from "../../app/error-alert";
import { type Translate, useI18n } from "../../i18n/i18n";
import { useSendReminder } from "./api";

/** "Đã nhắc 5 nơi. Bỏ qua 1 nơi đã được nhắc trong 24 giờ qua: Sở Y tế." */
export function reminderResultText(result: SendReminderResult, t: Translate): string {
  const sent = t("reporting.remind.sent", { count: result.sent.length });
  if (result.skipped.length === 0) return sent;
  const names = result.skipped.map((s) => s.name).join(", ");
  return `${sent} ${t("reporting.remind.skipped", { count: result.skipped.length, names })}`;
}

interface RemindButtonProps {
  roundId: number;
  /** One reporter; absent: every reporter not yet in (`openCount` of them). */
  reporter?: { key: string; name: string };
  openCount?: number;
}

/**
 * "Nhắc báo cáo": asks for an optional note, then records an in-app reminder (the level above
 * only; the server refuses anyone else and a second reminder within 24 hours).
 */
export function RemindButton({ roundId, reporter, openCount = 0 }: RemindButtonProps) {
  const { t } = useI18n();
  const send = useSendReminder(roundId);
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState("");
  const [result, setResult] = useState<SendReminderResult | null>(null);
  const open = () => {
    send.reset();
    setMessage("");
    setOpened(true);
  };
  const confirm = () => {
    const note = message.trim();
    send.mutate(
      { ...(reporter ? { reporterKey: reporter.key } : {}), ...(note ? { message: note } : {}) },
      {
        onSuccess: (r) => {
          setResult(r);
          setOpened(false);
        },
      },
    );
  };
  const testId = reporter ? `remind-${reporter.key}` : "remind-all";
  return (
    <>
      {reporter ? (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={open}
          aria-label={t("reporting.remind.oneLabel", { name: reporter.name })}
          data-testid={testId}
        >
          {t("reporting.remind.one")}
        </Button>
      ) : (
        <Group gap="xs">
          <Button variant="light" color="orange" onClick={open} disabled={openCount === 0} data-testid={testId}>
            {t("reporting.remind.all")}
          </Button>
          {result && (
            <Text size="sm" role="status" data-testid="remind-result">
              {reminderResultText(result, t)}
            </Text>
          )}
        </Group>
      )}
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={reporter ? t("reporting.remind.titleOne", { name: reporter.name }) : t("reporting.remind.titleAll")}
      >
        <Stack gap="sm">
          {!reporter && <Text size="sm">{t("reporting.remind.countAll", { count: openCount })}</Text>}
          <Text size="sm" c="dimmed">
            {t("reporting.remind.note")}
          </Text>
          <Textarea
            label={t("reporting.remind.message")}
            rows={3}
            maxLength={500}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          {send.error && <ErrorAlert error={send.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t("reporting.decide.cancel")}
            </Button>
            <Button color="orange" loading={send.isPending} onClick={confirm}>
              {t("reporting.remind.send")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
