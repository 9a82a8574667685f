import { Alert, Stack, Table, Text, Title } from "@mantine/core";
import { useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import type { IndicatorValues } from "../../../contract/data-value";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { todayInVietnam } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";
import { useUnit } from "../units/api";
import { useUnitIndicators } from "./api";
import { periodText, showNumber } from "./labels";

const UNIT_KEY: Record<string, MessageKey> = {
  "%": "reporting.unit.percent",
  times: "reporting.unit.times",
  per100: "reporting.unit.per100",
  per1000: "reporting.unit.per1000",
  per100000: "reporting.unit.per100000",
};

const REASON_KEY: Record<string, MessageKey> = {
  "no-data": "reporting.reason.no-data",
  "zero-denominator": "reporting.reason.zero-denominator",
  partial: "reporting.reason.partial",
  "invalid-formula": "reporting.reason.invalid-formula",
};

const COMPARATOR: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", about: "≈" };

/** "75%", "7,5/1.000", "1,2 lần". */
function withUnit(value: string, unit: string): string {
  if (unit === "") return value;
  return unit === "%" || unit.startsWith("/") ? `${value}${unit}` : `${value} ${unit}`;
}

/** The consolidated indicator values of a unit (approved figures only, summed up the tree). */
export function IndicatorsPage({ unitId }: { unitId: number }) {
  const { t, locale } = useI18n();
  const search = useSearch({ strict: false }) as { planId?: unknown; period?: unknown };
  const planId = Number(search.planId) > 0 ? Number(search.planId) : null;
  const period = typeof search.period === "string" || typeof search.period === "number" ? String(search.period) : null;
  const unit = useUnit(unitId, todayInVietnam());
  const values = useUnitIndicators(unitId, planId, period);
  useEffect(() => {
    document.title = `${t("reporting.indicators.title")} — ${t("app.name")}`;
  }, [t]);
  if (planId === null || period === null) return <Alert color="yellow">{t("reporting.indicators.choose")}</Alert>;
  return (
    <Stack gap="md">
      <AnchorLink to="/reporting/$" params={{ _splat: `plans/${planId}` }} size="sm">
        {t("reporting.indicators.back")}
      </AnchorLink>
      <Title order={1} size="h2">
        {t("reporting.indicators.title")}
      </Title>
      <Text>
        {unit.data?.unit.fullName ?? ""} · {periodText(period, locale)}
      </Text>
      <Text size="sm" c="dimmed">
        {t("reporting.indicators.note")}
      </Text>
      {values.isPending && <BlockSkeleton rows={8} />}
      {values.isError && <ErrorAlert error={values.error} onRetry={() => void values.refetch()} />}
      {values.data?.partial && <Alert color="yellow">{t("reporting.reason.partial")}</Alert>}
      {values.data && <IndicatorTable data={values.data} />}
    </Stack>
  );
}

function IndicatorTable({ data }: { data: IndicatorValues }) {
  const { t, locale } = useI18n();
  const seen = new Map<string, number>();
  return (
    <Table striped withTableBorder aria-label={t("reporting.indicators.title")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reporting.indicators.code")}</Table.Th>
          <Table.Th>{t("reporting.indicators.indicator")}</Table.Th>
          <Table.Th>{t("reporting.indicators.value")}</Table.Th>
          <Table.Th>{t("reporting.indicators.numerator")}</Table.Th>
          <Table.Th>{t("reporting.indicators.denominator")}</Table.Th>
          <Table.Th>{t("reporting.indicators.target")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.items.map((item) => {
          const n = seen.get(item.code) ?? 0;
          seen.set(item.code, n + 1);
          const testId = n === 0 ? `indicator-${item.code}` : `indicator-${item.code}-${n + 1}`;
          const unitKey = UNIT_KEY[item.unit];
          const unitText = unitKey ? t(unitKey) : "";
          return (
            <Table.Tr key={`${item.indicatorId}-${n}`} data-testid={testId}>
              <Table.Th scope="row">{item.code}</Table.Th>
              <Table.Td>
                <Text size="sm">{item.text}</Text>
                {item.subject && (
                  <Text size="xs" c="dimmed">
                    {item.subject}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {item.value === null ? (
                  <Text size="sm" c="dimmed">
                    {t(REASON_KEY[item.reason ?? "no-data"] ?? "reporting.reason.no-data")}
                  </Text>
                ) : item.kind === "qualitative" ? (
                  <Text fw={600} data-testid={`${testId}-value`}>
                    {t("reporting.indicators.qualitative", {
                      done: showNumber(item.numerator, locale),
                      of: showNumber(item.denominator, locale),
                    })}
                  </Text>
                ) : (
                  <Text fw={600} data-testid={`${testId}-value`} style={{ whiteSpace: "nowrap" }}>
                    {withUnit(showNumber(item.value, locale), unitText)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{showNumber(item.numerator, locale)}</Table.Td>
              <Table.Td>{showNumber(item.denominator, locale)}</Table.Td>
              <Table.Td>
                {item.target
                  ? `${COMPARATOR[item.target.comparator] ?? item.target.comparator} ${showNumber(item.target.value, locale)} (${item.target.year})`
                  : "—"}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
