import { Badge, Stack, Table, Text } from "@mantine/core";
import type { Plan } from "../../../contract/plan";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { useT } from "../../i18n/i18n";
import { usePlan } from "./api";
import { numberText, targetText } from "./labels";

/** The plan beside the level above: each indicator, the upper text and targets, the local targets. */
export function UpperComparison({ plan }: { plan: Plan }) {
  const t = useT();
  const upper = usePlan(plan.sourcePlanId);
  const upperIndicators = new Map((upper.data?.goals ?? []).flatMap((g) => g.indicators).map((i) => [i.id, i]));
  if (plan.sourcePlanId !== null && upper.isPending) return <BlockSkeleton rows={5} />;
  return (
    <Stack>
      {upper.data ? (
        <Text>
          {t("plans.upperPlan")}:{" "}
          <AnchorLink to="/plans/$planId" params={{ planId: String(upper.data.id) }}>
            {numberText(upper.data)} — {upper.data.title}
          </AnchorLink>
        </Text>
      ) : (
        <Text c="dimmed">{t("plans.noUpper")}</Text>
      )}
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plans.grid.indicator")}</Table.Th>
            <Table.Th>{t("plans.upper")}</Table.Th>
            <Table.Th>{t("plans.localTargets")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.goals
            .flatMap((g) => g.indicators)
            .map((i) => {
              const up = i.upperIndicatorId ? upperIndicators.get(i.upperIndicatorId) : undefined;
              return (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text fw={700} size="sm">
                      {i.code}
                    </Text>
                    {i.dropped && <Badge color="gray">{t("plans.dropped", { reason: i.dropReason ?? "" })}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{up?.text ?? (i.isLocal ? t("plans.local") : "")}</Text>
                    {i.upperTargets.map((u) => (
                      <Text key={`${u.subject}-${u.forYear}`} size="sm" c={u.isNearestMilestone ? "dimmed" : undefined}>
                        {u.subject ? `${u.subject}: ` : ""}
                        {targetText(u)}
                        {u.isNearestMilestone ? ` (${t("plans.nearest", { year: u.year })})` : ""}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.text}</Text>
                    {i.targets.map((x) => (
                      <Text key={x.id} size="sm" fw={600}>
                        {x.subject ? `${x.subject}: ` : ""}
                        {targetText(x)}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
