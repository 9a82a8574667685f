import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { PlanStatus } from "../../../core/plan";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { todayInVietnam } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { useUnit } from "../units/api";
import { UnitPicker } from "../units/unit-picker";
import { usePlans } from "./api";
import { CreatePlanDialog } from "./create-plan-dialog";
import { numberText, periodText, STATUS_COLOR, STATUS_KEY } from "./labels";

/** The plans of the user's unit (or another unit through the picker, ?unitId=). */
export function PlansPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { unitId?: unknown };
  const chosen = Number(search.unitId);
  const unitId = Number.isInteger(chosen) && chosen > 0 ? chosen : me.unitId;
  const unit = useUnit(unitId ?? 0, todayInVietnam(), unitId !== null);
  const plans = usePlans(unitId);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = `${t("plans.title")} — ${t("app.name")}`;
  }, [t]);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("plans.title")}
        </Title>
        {unitId !== null && me.role !== "viewer" && me.role !== "reporter" && (
          <Button onClick={() => setCreating(true)}>{t("plans.createFrom")}</Button>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <UnitPicker
          label={t("plans.pickUnit")}
          value={unit.data?.unit ?? null}
          onChange={(id) => void navigate({ to: ".", search: { unitId: id }, replace: true })}
        />
      </Paper>
      {plans.isPending && unitId !== null && <BlockSkeleton rows={4} />}
      {plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data && plans.data.length === 0 && <Text c="dimmed">{t("plans.empty")}</Text>}
      {plans.data && plans.data.length > 0 && (
        <Table striped withTableBorder aria-label={t("plans.ofUnit", { unit: unit.data?.unit.fullName ?? "" })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("plans.col.number")}</Table.Th>
              <Table.Th>{t("plans.col.title")}</Table.Th>
              <Table.Th>{t("plans.col.period")}</Table.Th>
              <Table.Th>{t("plans.col.version")}</Table.Th>
              <Table.Th>{t("plans.col.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{numberText(p)}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/plans/$planId" params={{ planId: String(p.id) }}>
                    {p.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{periodText(p)}</Table.Td>
                <Table.Td>{p.version}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[p.status as PlanStatus]} variant="light">
                    {t(STATUS_KEY[p.status as PlanStatus])}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {unitId !== null && (
        <CreatePlanDialog
          opened={creating}
          unitId={unitId}
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate({ to: "/plans/$planId", params: { planId: String(id) } })}
        />
      )}
    </Stack>
  );
}
