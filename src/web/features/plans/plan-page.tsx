import { Alert, Badge, Button, Grid, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { Plan } from "../../../contract/plan";
import type { PlanStatus } from "../../../core/plan";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { useT } from "../../i18n/i18n";
import { documentUrl, useNewVersion, usePlan } from "./api";
import { ChecksPanel } from "./checks-panel";
import { IssueDialog } from "./issue-dialog";
import { numberText, periodText, STATUS_COLOR, STATUS_KEY } from "./labels";
import { GoalsSection } from "./plan-goals-section";
import {
  BasisSection,
  BudgetSection,
  GeneralSection,
  ModelsSection,
  PurposeSection,
  RecipientsSection,
  ReportingSection,
  TasksSection,
} from "./plan-text-sections";
import { ResponsibilityGrid } from "./responsibility-grid";
import { UpperComparison } from "./upper-comparison";
import { VersionsPanel } from "./versions-panel";

/** The plan editor: sections in the order of the document, the check beside them. */
export function PlanPage() {
  const t = useT();
  const params = useParams({ strict: false }) as { planId?: string };
  const id = Number(params.planId);
  const plan = usePlan(Number.isInteger(id) ? id : null);
  useEffect(() => {
    if (plan.data) document.title = `${plan.data.title} — ${t("app.name")}`;
  }, [plan.data, t]);
  if (plan.isPending) return <BlockSkeleton rows={8} />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanEditor plan={plan.data} />;
}

function PlanEditor({ plan }: { plan: Plan }) {
  const t = useT();
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState(false);
  const newVersion = useNewVersion(plan);
  const readOnly = plan.status !== "draft";
  const status = plan.status as PlanStatus;

  return (
    <Stack gap="md">
      <AnchorLink to="/plans" search={{ unitId: plan.unitId }} size="sm">
        {t("plans.back")}
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {plan.title}
          </Title>
          <Group gap="xs">
            <Text>
              {numberText(plan)} · {periodText(plan)} · v{plan.version}
            </Text>
            <Badge color={STATUS_COLOR[status]} variant="light">
              {t(STATUS_KEY[status])}
            </Badge>
          </Group>
          {plan.sourceLabel && (
            <Text size="sm" c="dimmed">
              {t("plans.source", { label: plan.sourceLabel })}
            </Text>
          )}
        </Stack>
        <Group>
          <Button component="a" href={documentUrl(plan.id)} download variant="default">
            {t("plans.download")}
          </Button>
          {plan.status === "draft" && <Button onClick={() => setIssuing(true)}>{t("plans.issue")}</Button>}
          {plan.status === "issued" && (
            <Button
              variant="light"
              loading={newVersion.isPending}
              onClick={() =>
                newVersion.mutate(undefined, {
                  onSuccess: (next) => void navigate({ to: "/plans/$planId", params: { planId: String(next.id) } }),
                })
              }
            >
              {t("plans.newVersion")}
            </Button>
          )}
        </Group>
      </Group>
      {newVersion.error && <ErrorAlert error={newVersion.error} />}
      {readOnly && (
        <Alert color="blue" variant="light">
          {t("plans.frozen")}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Tabs defaultValue="goals" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="general">{t("plans.tab.general")}</Tabs.Tab>
              <Tabs.Tab value="basis">{t("plans.tab.basis")}</Tabs.Tab>
              <Tabs.Tab value="purpose">{t("plans.tab.purpose")}</Tabs.Tab>
              <Tabs.Tab value="goals">{t("plans.tab.goals")}</Tabs.Tab>
              <Tabs.Tab value="tasks">{t("plans.tab.tasks")}</Tabs.Tab>
              <Tabs.Tab value="models">{t("plans.tab.models")}</Tabs.Tab>
              <Tabs.Tab value="budget">{t("plans.tab.budget")}</Tabs.Tab>
              <Tabs.Tab value="organisation">{t("plans.tab.organisation")}</Tabs.Tab>
              <Tabs.Tab value="reporting">{t("plans.tab.reporting")}</Tabs.Tab>
              <Tabs.Tab value="recipients">{t("plans.tab.recipients")}</Tabs.Tab>
              <Tabs.Tab value="upper">{t("plans.tab.upper")}</Tabs.Tab>
              <Tabs.Tab value="versions">{t("plans.tab.versions")}</Tabs.Tab>
            </Tabs.List>
            <Stack pt="md">
              <Tabs.Panel value="general">
                <GeneralSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="basis">
                <BasisSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="purpose">
                <PurposeSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="goals">
                <GoalsSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="tasks">
                <TasksSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="models">
                <ModelsSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="budget">
                <BudgetSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="organisation">
                <ResponsibilityGrid plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="reporting">
                <ReportingSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="recipients">
                <RecipientsSection plan={plan} readOnly={readOnly} />
              </Tabs.Panel>
              <Tabs.Panel value="upper">
                <UpperComparison plan={plan} />
              </Tabs.Panel>
              <Tabs.Panel value="versions">
                <VersionsPanel plan={plan} />
              </Tabs.Panel>
            </Stack>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <ChecksPanel plan={plan} />
          <AnchorLink
            to="/history/$objectType/$objectId"
            params={{ objectType: "plan", objectId: String(plan.id) }}
            size="sm"
            mt="sm"
            display="block"
          >
            {t("audit.titleOf", { name: numberText(plan) })}
          </AnchorLink>
        </Grid.Col>
      </Grid>
      <IssueDialog plan={plan} opened={issuing} onClose={() => setIssuing(false)} />
    </Stack>
  );
}
