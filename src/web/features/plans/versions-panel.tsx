import { Badge, List, Stack, Table, Text, Title } from "@mantine/core";
import type { Plan } from "../../../contract/plan";
import type { PlanStatus } from "../../../core/plan";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { useT } from "../../i18n/i18n";
import { usePlanDiff, usePlanVersions } from "./api";
import { numberText, STATUS_COLOR, STATUS_KEY } from "./labels";

const KIND_KEY = { added: "plans.diff.added", removed: "plans.diff.removed", changed: "plans.diff.changed" } as const;

/** Every version of the plan, and what changed from the previous one. */
export function VersionsPanel({ plan }: { plan: Plan }) {
  const t = useT();
  const versions = usePlanVersions(plan.id);
  const diff = usePlanDiff(plan.id);
  return (
    <Stack>
      <Title order={2} size="h4">
        {t("plans.versions.title")}
      </Title>
      {versions.isPending && <BlockSkeleton rows={2} />}
      {versions.isError && <ErrorAlert error={versions.error} />}
      <List>
        {(versions.data ?? []).map((v) => (
          <List.Item key={v.id}>
            <AnchorLink to="/plans/$planId" params={{ planId: String(v.id) }} fw={v.id === plan.id ? 700 : 400}>
              v{v.version} — {numberText(v)}
            </AnchorLink>{" "}
            <Badge size="sm" variant="light" color={STATUS_COLOR[v.status as PlanStatus]}>
              {t(STATUS_KEY[v.status as PlanStatus])}
            </Badge>
          </List.Item>
        ))}
      </List>
      <Title order={2} size="h4">
        {t("plans.versions.diff")}
      </Title>
      {diff.data && diff.data.changes.length === 0 && <Text c="dimmed">{t("plans.versions.noDiff")}</Text>}
      {diff.data && diff.data.changes.length > 0 && (
        <Table withTableBorder>
          <Table.Tbody>
            {diff.data.changes.map((c) => (
              <Table.Tr key={`${c.area}-${c.label}-${c.kind}-${c.before}-${c.after}`}>
                <Table.Td>{t(KIND_KEY[c.kind])}</Table.Td>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td>{c.before !== null && <del>{c.before}</del>}</Table.Td>
                <Table.Td>{c.after !== null && <ins>{c.after}</ins>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
