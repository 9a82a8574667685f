import { Alert, Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate, splitDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { usePlans } from "../plans/api";
import { numberText } from "../plans/labels";
import { type MyForm, useMyForms } from "./api";
import { periodText, STATE_COLOR, STATE_KEY } from "./labels";
import { DueText, ReminderNote } from "./reminder-line";

/** "Báo cáo số liệu": the forms I must fill (open ones first, by urgency, as the server sorts them), and for planners the rounds of their unit's plans. */
export function ReportingPage() {
  const { t } = useI18n();
  const me = useMe();
  const forms = useMyForms();
  const isPlanner = me.role === "planner" || me.role === "admin" || me.role === "viewer";
  useEffect(() => {
    document.title = `${t("reporting.title")} — ${t("app.name")}`;
  }, [t]);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t("reporting.title")}
      </Title>
      {!(isPlanner && forms.data?.length === 0) && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-forms">
          <Title order={2} size="h4" id="my-forms" mb="sm">
            {t("reporting.mine.title")}
          </Title>
          {forms.isPending && <BlockSkeleton rows={3} />}
          {forms.isError && <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} />}
          {forms.data && forms.data.length === 0 && <Text c="dimmed">{t("reporting.mine.empty")}</Text>}
          {forms.data && forms.data.length > 0 && <MyFormsTable items={forms.data} />}
        </Paper>
      )}
      {isPlanner && me.unitId !== null && <PlanRounds unitId={me.unitId} />}
    </Stack>
  );
}

function MyFormsTable({ items }: { items: MyForm[] }) {
  const { t, locale } = useI18n();
  return (
    <Table striped withTableBorder aria-label={t("reporting.mine.title")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reporting.col.period")}</Table.Th>
          <Table.Th>{t("reporting.col.plan")}</Table.Th>
          <Table.Th>{t("reporting.col.deadline")}</Table.Th>
          <Table.Th>{t("reporting.col.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((f) => (
          <Table.Tr key={`${f.roundId}-${f.reporterKey}`} data-testid={`my-form-${f.roundId}`}>
            <Table.Td>
              <AnchorLink
                to="/reporting/$"
                params={{ _splat: `rounds/${f.roundId}/${f.reporterKey}` }}
                aria-label={t("reporting.mine.open", { period: periodText(f.period, locale, f.periodLabel) })}
              >
                {periodText(f.period, locale, f.periodLabel)}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{f.planTitle}</Table.Td>
            <Table.Td>
              {f.due ? (
                <DueText due={f.due} deadline={f.deadline} testId={`my-form-due-${f.roundId}`} />
              ) : (
                formatDate(f.deadline)
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={STATE_COLOR[f.state]} variant="light">
                {t(STATE_KEY[f.state])}
              </Badge>
              <DecisionDate form={f} />
              {f.state === "returned" && f.decisionComment && (
                <Text size="sm" c="red.9" mt={4}>
                  {t("reporting.returnedComment", { comment: f.decisionComment })}
                </Text>
              )}
              {f.due && f.lastReminder && (
                <ReminderNote reminder={f.lastReminder} testId={`my-form-reminder-${f.roundId}`} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The day the form was approved or returned (Vietnam time), under its state. */
function DecisionDate({ form }: { form: MyForm }) {
  const { t } = useI18n();
  const date = form.decidedAt ? splitDateTime(form.decidedAt)?.date : undefined;
  if (!date || (form.state !== "approved" && form.state !== "returned")) return null;
  return (
    <Text size="sm" c="dimmed" mt={4} data-testid={`my-form-decided-${form.roundId}`}>
      {t(form.state === "approved" ? "reporting.mine.approvedOn" : "reporting.mine.returnedOn", { date })}
    </Text>
  );
}

/** The issued plans of the planner's unit, each leading to its rounds. */
function PlanRounds({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const plans = usePlans(unitId);
  const issued = (plans.data ?? []).filter((p) => p.status === "issued");
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-rounds">
      <Title order={2} size="h4" id="plan-rounds" mb="sm">
        {t("reporting.rounds.title")}
      </Title>
      {plans.isPending && <BlockSkeleton rows={2} />}
      {plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data && issued.length === 0 && <Alert variant="light">{t("reporting.rounds.noPlans")}</Alert>}
      {issued.length > 0 && (
        <Stack gap={6}>
          {issued.map((p) => (
            <AnchorLink key={p.id} to="/reporting/$" params={{ _splat: `plans/${p.id}` }}>
              {numberText(p)} — {p.title}
            </AnchorLink>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
