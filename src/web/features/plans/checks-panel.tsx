import { Alert, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { Plan } from "../../../contract/plan";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";
import { usePlanChecks } from "./api";

const GROUPS: { severity: "error" | "warning" | "info"; key: MessageKey; color: string }[] = [
  { severity: "error", key: "plans.checks.error", color: "red" },
  { severity: "warning", key: "plans.checks.warning", color: "orange" },
  { severity: "info", key: "plans.checks.info", color: "blue" },
];

/** What the plan check finds, errors first; refreshed on every save (keyed by updatedAt). */
export function ChecksPanel({ plan }: { plan: Plan }) {
  const { t, locale } = useI18n();
  const checks = usePlanChecks(plan.id, plan.updatedAt);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-checks-title">
      <Title order={2} size="h4" id="plan-checks-title" mb="sm">
        {t("plans.checks.title")}
      </Title>
      {checks.isPending && <BlockSkeleton rows={3} />}
      {checks.isError && <ErrorAlert error={checks.error} />}
      {checks.data && checks.data.items.length === 0 && <Text c="dimmed">{t("plans.checks.none")}</Text>}
      {checks.data && (
        <Stack gap="sm">
          {GROUPS.map(({ severity, key, color }) => {
            const items = checks.data.items.filter((c) => c.severity === severity);
            if (items.length === 0) return null;
            return (
              <Alert
                key={severity}
                color={color}
                variant="light"
                title={`${t(key)} (${items.length})`}
                data-testid={`checks-${severity}`}
              >
                <List size="sm" spacing={4}>
                  {items.map((c) => (
                    <List.Item key={`${c.code}-${c.indicatorId}-${c.agencyId}-${c.message}`}>
                      {locale === "vi" ? c.message : c.messageEn}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
