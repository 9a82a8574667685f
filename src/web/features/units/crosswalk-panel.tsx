import { Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { Unit } from "../../../contract/unit";
import { lastValidDay, REFORM_DATE } from "../../../core/units";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { useT } from "../../i18n/i18n";
import { type CrosswalkRow, useCrosswalk } from "./api";
import { UnitLink } from "./unit-labels";

/** The 2025 crosswalk both ways: what this unit was formed from, and what it became. */
export function CrosswalkPanel({ unit }: { unit: Unit }) {
  const t = useT();
  const crosswalk = useCrosswalk(unit.id);
  if (crosswalk.isPending) return <BlockSkeleton rows={3} />;
  if (crosswalk.isError) return <ErrorAlert error={crosswalk.error} onRetry={() => void crosswalk.refetch()} />;
  const formedFrom = crosswalk.data.filter((r) => r.newUnit.id === unit.id);
  const became = crosswalk.data.filter((r) => r.oldUnit.id === unit.id);
  if (formedFrom.length === 0 && became.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t("units.crosswalkNone")}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      {formedFrom.length > 0 && <CrosswalkTable title={t("units.crosswalkFrom")} rows={formedFrom} side="old" />}
      {became.length > 0 && <CrosswalkTable title={t("units.crosswalkTo")} rows={became} side="new" />}
    </Stack>
  );
}

function CrosswalkTable({ title, rows, side }: { title: string; rows: CrosswalkRow[]; side: "old" | "new" }) {
  const t = useT();
  const before = lastValidDay(REFORM_DATE) ?? REFORM_DATE;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{side === "old" ? t("units.oldUnit") : t("units.newUnit")}</Table.Th>
              <Table.Th scope="col">{t("units.relation")}</Table.Th>
              <Table.Th scope="col">{t("units.note")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const other = side === "old" ? row.oldUnit : row.newUnit;
              return (
                <Table.Tr key={`${row.oldUnit.id}-${row.newUnit.id}`}>
                  <Table.Td>
                    <UnitLink unit={other} asOf={side === "old" ? before : REFORM_DATE} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={row.relation === "whole" ? "teal" : "orange"} tt="none" radius="sm">
                      {t(`units.relation.${row.relation}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.note ?? ""}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
