import { Badge, Button, Stack, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useMemo, useState } from "react";
import { type Dashboard, type DashboardIndicator, formatIndicatorValue } from "../../../contract/dashboard";
import { formatNumberVi } from "../../../core/format";
import { type Translate, useT } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";
import { explainLines, STATUS_COLOR, statusKey } from "./explain";

const STATUS_ORDER = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3, achieved: 4 } as const;

type SortKey = "code" | "value" | "gap" | "status";

function compareCodes(a: string, b: string): number {
  const [ga, ia] = a.split(".").map(Number);
  const [gb, ib] = b.split(".").map(Number);
  return (ga ?? 0) - (gb ?? 0) || (ia ?? 0) - (ib ?? 0);
}

function sortValue(ind: DashboardIndicator, key: SortKey): number {
  if (key === "status") return STATUS_ORDER[ind.status];
  if (key === "value") return ind.value ?? Number.NEGATIVE_INFINITY;
  if (key === "gap") return ind.gap ?? Number.NEGATIVE_INFINITY;
  return 0;
}

/** Formula kinds whose numerator / denominator count reporting units ("% of units", qualitative). */
const COUNTS_UNITS = new Set(["countOfUnits", "qualitative"]);

/** "5.100 / 10.000"; for a share of units "1 / 1 đơn vị", so 100% reads as every unit reporting it done. */
function fraction(t: Translate, ind: DashboardIndicator): string {
  const n = (v: number | null) => (v !== null ? formatNumberVi(v) : "—");
  const done = n(ind.numerator);
  const of = n(ind.denominator);
  return COUNTS_UNITS.has(ind.kind) ? t("dashboard.unitsFraction", { done, of }) : `${done} / ${of}`;
}

/** The status with the inputs behind it on hover (and on keyboard focus). */
export function StatusBadge({ ind, year }: { ind: DashboardIndicator; year: number }) {
  const t = useT();
  const lines = explainLines(t, ind, ind.status, ind.explain, year);
  return (
    <Tooltip
      multiline
      w={320}
      withArrow
      label={
        <Stack gap={2} data-testid="status-explain">
          <Text fw={700} size="sm">
            {t("dashboard.explain.title")}
          </Text>
          {lines.map((l) => (
            <Text key={l} size="xs">
              {l}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge color={STATUS_COLOR[ind.status]} variant="filled" autoContrast tabIndex={0} style={{ cursor: "help" }}>
        {t(statusKey(ind.status))}
      </Badge>
    </Tooltip>
  );
}

export function IndicatorTable({
  view,
  selected,
  onSelect,
}: {
  view: Dashboard;
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const t = useT();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "code", dir: 1 });
  const rows = useMemo(() => {
    const list = [...view.indicators];
    list.sort((a, b) => {
      const primary =
        sort.key === "code" ? compareCodes(a.code, b.code) : sortValue(a, sort.key) - sortValue(b, sort.key);
      return primary * sort.dir || compareCodes(a.code, b.code);
    });
    return list;
  }, [view.indicators, sort]);

  const header = (key: SortKey, label: MessageKey) => {
    const active = sort.key === key;
    return (
      <Table.Th aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <UnstyledButton
          fw={700}
          fz="sm"
          aria-label={t("dashboard.sortBy", { column: t(label) })}
          onClick={() => setSort({ key, dir: active ? (-sort.dir as 1 | -1) : 1 })}
        >
          {t(label)} {active ? (sort.dir === 1 ? "▲" : "▼") : ""}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        data-testid="indicator-table"
        aria-label={t("dashboard.indicatorsCaption", { unit: view.unit.fullName, period: view.periodLabel })}
      >
        <Table.Thead>
          <Table.Tr>
            {header("code", "dashboard.col.code")}
            <Table.Th>{t("dashboard.col.indicator")}</Table.Th>
            {header("value", "dashboard.col.value")}
            <Table.Th>{t("dashboard.col.fraction")}</Table.Th>
            <Table.Th>{t("dashboard.col.target")}</Table.Th>
            {header("gap", "dashboard.col.gap")}
            {header("status", "dashboard.col.status")}
            <Table.Th>{t("dashboard.col.projection")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((ind) => (
            <Table.Tr
              key={ind.key}
              data-testid={`indicator-row-${ind.key}`}
              bg={selected === ind.key ? "blue.0" : undefined}
            >
              <Table.Td>
                <Button
                  variant={selected === ind.key ? "filled" : "subtle"}
                  size="compact-sm"
                  aria-label={t("dashboard.showTrend", { code: ind.code })}
                  aria-pressed={selected === ind.key}
                  onClick={() => onSelect(ind.key)}
                >
                  {ind.code}
                </Button>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3}>
                  {ind.text}
                </Text>
                {ind.subject && (
                  <Text size="xs" c="dimmed">
                    {ind.subject}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatIndicatorValue(ind.value, ind.unit)}
                {ind.partial && (
                  <Badge ml={4} size="xs" variant="outline">
                    {t("dashboard.partial")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} data-testid={`fraction-${ind.key}`}>
                {fraction(t, ind)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {ind.target ? ind.target.text : "—"}
                {ind.target?.source === "nearest-milestone" && (
                  <Text size="xs" c="dimmed">
                    {t("dashboard.nearest")}
                  </Text>
                )}
                {ind.target?.origin === "upper" && (
                  <Text size="xs" c="dimmed">
                    {t("dashboard.upperTarget")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{ind.gap !== null ? formatNumberVi(ind.gap) : "—"}</Table.Td>
              <Table.Td miw={150}>
                <StatusBadge ind={ind} year={view.year} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {ind.projection
                  ? `${formatIndicatorValue(ind.projection.value, ind.unit)} (${ind.projection.year})`
                  : "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
