import { Box, Group, Paper, SimpleGrid, Text, TextInput, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import type { Unit } from "../../../contract/unit";
import { foldVietnamese } from "../../../core/text";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { formatNumber } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useChildren } from "./api";

/** The units directly under this one on the day seen, with a quick filter (a province has ~100 communes). */
export function UnitChildrenList({ unit, asOf }: { unit: Unit; asOf: string }) {
  const { t, locale } = useI18n();
  const children = useChildren(unit.id, asOf, unit.childCount > 0);
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const folded = foldVietnamese(filter);
    const items = children.data ?? [];
    return folded ? items.filter((c) => foldVietnamese(c.fullName).includes(folded)) : items;
  }, [children.data, filter]);

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t("units.children")}{" "}
          <Text span c="dimmed" fw={400}>
            ({formatNumber(unit.childCount, locale)})
          </Text>
        </Title>
        {unit.childCount > 12 && (
          <TextInput
            size="xs"
            type="search"
            label={t("units.filterChildren")}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={240}
          />
        )}
      </Group>
      {unit.childCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t("units.noChildren")}
        </Text>
      ) : children.isPending ? (
        <BlockSkeleton rows={4} />
      ) : children.isError ? (
        <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing={4}
          verticalSpacing={4}
          m={0}
          p={0}
          style={{ listStyle: "none" }}
        >
          {shown.map((child) => (
            <Box component="li" key={child.id}>
              <Link
                to="/units/$unitId"
                params={{ unitId: String(child.id) }}
                search={{ asOf }}
                className="bd-tree-link"
              >
                {child.fullName}
              </Link>
            </Box>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
