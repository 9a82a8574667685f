import { Alert, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import type { Form } from "../../../contract/data-value";
import { dueStatus } from "../../../core/reporting";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate, todayInVietnam } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { useForm, useFormReminders } from "./api";
import { DecisionPanel } from "./decision-panel";
import { EvidencePanel } from "./evidence-panel";
import { ExcelPanel } from "./excel-panel";
import { FormEditor } from "./form-editor";
import { periodText, STATE_COLOR, STATE_KEY } from "./labels";
import { LockIcon } from "./lock-icon";
import { DueText, ReminderNote } from "./reminder-line";
import { SubmissionLine } from "./submission-line";

/** One reporter's form in one round: fill it (reporter) or review it (the level above). */
export function FormPage({ roundId, reporterKey }: { roundId: number; reporterKey: string }) {
  const { t, locale } = useI18n();
  const form = useForm(roundId, reporterKey);
  useEffect(() => {
    if (form.data) {
      document.title = `${form.data.reporter.name} · ${periodText(form.data.round.period, locale, form.data.round.periodLabel)} — ${t("app.name")}`;
    }
  }, [form.data, t, locale]);
  if (form.isPending) return <BlockSkeleton rows={10} />;
  if (form.isError) return <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />;
  return <FormView form={form.data} />;
}

function FormView({ form }: { form: Form }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const isReviewer = me.role === "planner" || me.role === "admin";
  const period = periodText(form.round.period, locale, form.round.periodLabel);
  return (
    <Stack gap="md">
      {isReviewer ? (
        <AnchorLink
          to="/reporting/$"
          params={{ _splat: `plans/${form.round.planId}` }}
          search={{ round: form.round.id }}
          size="sm"
        >
          {t("reporting.backToRound")}
        </AnchorLink>
      ) : (
        <AnchorLink to="/reporting" size="sm">
          {t("reporting.back")}
        </AnchorLink>
      )}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t("reporting.form.title", { reporter: form.reporter.name, period })}
          </Title>
          <Group gap="xs">
            <Badge color={STATE_COLOR[form.state]} variant="light" data-testid="form-state">
              {t(STATE_KEY[form.state])}
            </Badge>
            {form.editable ? (
              <DueText
                due={dueStatus(form.round.deadline, todayInVietnam())}
                deadline={form.round.deadline}
                testId="form-due"
              />
            ) : (
              <Text size="sm">{t("reporting.form.deadline", { deadline: formatDate(form.round.deadline) })}</Text>
            )}
          </Group>
          <SubmissionLine form={form} />
        </Stack>
      </Group>
      {form.editable && <LatestReminder roundId={form.round.id} reporterKey={form.reporter.key} />}
      {form.state === "returned" && (
        <Alert color="red" variant="light" title={t("reporting.form.returned")}>
          {form.decisionComment}
        </Alert>
      )}
      {form.state === "approved" && (
        <Alert color="green" variant="light" icon={<LockIcon />} title={t("reporting.form.approved")}>
          {t("reporting.form.approvedBody")}
          {form.decisionComment ? ` ${t("reporting.form.comment", { comment: form.decisionComment })}` : ""}
        </Alert>
      )}
      {form.state === "submitted" && (
        <Alert color="blue" variant="light" title={t("reporting.form.submitted")}>
          {t("reporting.form.submittedBody")}
        </Alert>
      )}
      {isReviewer && <DecisionPanel form={form} />}
      {form.editable && <ExcelPanel form={form} />}
      <FormEditor form={form} />
      <Paper withBorder p="md" radius="md">
        <EvidencePanel form={form} />
      </Paper>
    </Stack>
  );
}

/** The latest reminder from the level above, while the form still waits for its reporter. */
function LatestReminder({ roundId, reporterKey }: { roundId: number; reporterKey: string }) {
  const reminders = useFormReminders(roundId, reporterKey);
  const latest = reminders.data?.[0];
  if (!latest) return null;
  return (
    <Alert color="orange" variant="light" py="xs">
      <ReminderNote reminder={latest} testId="form-reminder" />
    </Alert>
  );
}
