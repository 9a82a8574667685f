import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { Round, RoundStatus } from "../../../contract/reporting";
import { isOpenForm } from "../../../core/reporting";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink, ButtonLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate, formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { usePlan } from "../plans/api";
import { numberText } from "../plans/labels";
import { lowerUnitsTemplateUrl, useOpenRound, useRoundStatus, useRounds } from "./api";
import { periodText, STATE_COLOR, STATE_KEY, showNumber, TIMELINESS_COLOR, TIMELINESS_KEY } from "./labels";
import { RemindButton } from "./remind-panel";

/** The rounds of one plan: open a round, and see who has reported in the chosen one. */
export function RoundsPage({ planId }: { planId: number }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { round?: unknown };
  const plan = usePlan(planId);
  const rounds = useRounds(planId);
  const chosen = Number(search.round);
  const list = [...(rounds.data ?? [])].sort((a, b) => a.windowTo.localeCompare(b.windowTo) || a.id - b.id);
  const round = list.find((r) => r.id === chosen) ?? list[list.length - 1] ?? null;
  useEffect(() => {
    document.title = `${t("reporting.rounds.pageTitle")} — ${t("app.name")}`;
  }, [t]);
  if (plan.isPending || rounds.isPending) return <BlockSkeleton rows={6} />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  if (rounds.isError) return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const p = plan.data;
  const select = (id: number) => void navigate({ to: ".", search: { round: id }, replace: true });

  return (
    <Stack gap="md">
      <AnchorLink to="/reporting" size="sm">
        {t("reporting.back")}
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("reporting.rounds.pageTitle")}
        </Title>
        <Text>
          {numberText(p)} — {p.title}
        </Text>
      </Stack>
      <Group align="flex-end" gap="md">
        {list.length > 0 && (
          <NativeSelect
            label={t("reporting.rounds.choose")}
            value={round ? String(round.id) : ""}
            onChange={(e) => select(Number(e.currentTarget.value))}
            data={list.map((r) => ({ value: String(r.id), label: periodText(r.period, locale, r.periodLabel) }))}
          />
        )}
        <OpenRound planId={planId} from={p.periodFrom} to={p.periodTo} open={list} onOpened={select} />
      </Group>
      {list.length === 0 && <Text c="dimmed">{t("reporting.rounds.none")}</Text>}
      {round && <RoundStatusView round={round} unitId={p.unitId} />}
    </Stack>
  );
}

function OpenRound(props: { planId: number; from: number; to: number; open: Round[]; onOpened: (id: number) => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const openRound = useOpenRound(props.planId);
  const taken = new Set(props.open.map((r) => r.period));
  const periods: string[] = [];
  for (let y = props.from; y <= props.to; y++) periods.push(`${y}S1`, `${y}`);
  const free = periods.filter((x) => !taken.has(x));
  const [period, setPeriod] = useState("");
  const value = free.includes(period) ? period : (free[0] ?? "");
  if (me.role !== "planner" && me.role !== "admin") return null;
  if (free.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <NativeSelect
          label={t("reporting.rounds.period")}
          value={value}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          data={free.map((x) => ({ value: x, label: periodText(x, locale) }))}
        />
        <Button
          variant="light"
          loading={openRound.isPending}
          onClick={() => openRound.mutate(value, { onSuccess: (r) => props.onOpened(r.id) })}
        >
          {t("reporting.rounds.open")}
        </Button>
      </Group>
      {openRound.error && <ErrorAlert error={openRound.error} />}
    </Stack>
  );
}

type Filter = "all" | "agency" | "unit" | "missing";

function RoundStatusView({ round, unitId }: { round: Round; unitId: number }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const canRemind = me.role === "planner" || me.role === "admin";
  const status = useRoundStatus(round.id);
  const [filter, setFilter] = useState<Filter>("all");
  if (status.isPending) return <BlockSkeleton rows={6} />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const rows = s.reporters.filter((r) => {
    if (filter === "agency" || filter === "unit") return r.kind === filter;
    if (filter === "missing") return r.state !== "submitted" && r.state !== "approved";
    return true;
  });
  const openCount = s.reporters.filter((r) => isOpenForm(r.state)).length;
  return (
    <Stack gap="md">
      <Text size="sm">
        {t("reporting.rounds.window", {
          from: formatDate(round.windowFrom),
          to: formatDate(round.windowTo),
          deadline: formatDate(round.deadline),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Completeness label={t("reporting.status.total")} c={s.total} testId="completeness-total" />
        <Completeness label={t("reporting.status.agencies")} c={s.agencies} testId="completeness-agencies" />
        <Completeness label={t("reporting.status.lowerUnits")} c={s.lowerUnits} testId="completeness-units" />
      </SimpleGrid>
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          aria-label={t("reporting.status.filter")}
          data={[
            { value: "all", label: t("reporting.status.filter.all") },
            { value: "agency", label: t("reporting.status.filter.agency") },
            { value: "unit", label: t("reporting.status.filter.unit") },
            { value: "missing", label: t("reporting.status.filter.missing") },
          ]}
        />
        <Group gap="xs">
          {canRemind && <RemindButton roundId={round.id} openCount={openCount} />}
          <Button component="a" href={lowerUnitsTemplateUrl(round.id)} download variant="default">
            {t("reporting.status.lowerTemplate")}
          </Button>
          <ButtonLink
            to="/reporting/$"
            params={{ _splat: `units/${unitId}` }}
            search={{ planId: round.planId, period: round.period }}
            variant="light"
          >
            {t("reporting.status.indicators")}
          </ButtonLink>
        </Group>
      </Group>
      <Table
        striped
        withTableBorder
        aria-label={t("reporting.status.table", { period: periodText(round.period, locale, round.periodLabel) })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reporting.col.reporter")}</Table.Th>
            <Table.Th>{t("reporting.col.kind")}</Table.Th>
            <Table.Th>{t("reporting.col.state")}</Table.Th>
            <Table.Th>{t("reporting.col.submittedAt")}</Table.Th>
            <Table.Th>{t("reporting.col.timeliness")}</Table.Th>
            <Table.Th>{t("reporting.col.cells")}</Table.Th>
            <Table.Th>{t("reporting.col.reminded")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.reporterKey} data-testid={`reporter-${r.reporterKey}`}>
              <Table.Td>
                <AnchorLink to="/reporting/$" params={{ _splat: `rounds/${round.id}/${r.reporterKey}` }}>
                  {r.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{t(r.kind === "agency" ? "reporting.kind.agency" : "reporting.kind.unit")}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[r.state]} variant="light">
                  {t(STATE_KEY[r.state])}
                </Badge>
              </Table.Td>
              <Table.Td>{r.submittedAt ? formatDateTime(r.submittedAt) : "—"}</Table.Td>
              <Table.Td>
                <Badge color={TIMELINESS_COLOR[r.timeliness]} variant="outline">
                  {t(TIMELINESS_KEY[r.timeliness] ?? "reporting.timeliness.not_submitted")}
                </Badge>
              </Table.Td>
              <Table.Td>{r.cells}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text
                    size="sm"
                    title={r.lastReminder?.message ?? undefined}
                    data-testid={`reminded-${r.reporterKey}`}
                  >
                    {r.lastReminder ? formatDateTime(r.lastReminder.sentAt) : "—"}
                    {r.lastReminder?.sentBy === null && ` (${t("reporting.reminder.auto")})`}
                  </Text>
                  {canRemind && isOpenForm(r.state) && (
                    <RemindButton roundId={round.id} reporter={{ key: r.reporterKey, name: r.name }} />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Completeness({ label, c, testId }: { label: string; c: RoundStatus["total"]; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text fw={600}>{label}</Text>
      <Text size="sm">
        {t("reporting.status.completeness", {
          reported: c.reported,
          expected: c.expected,
          percent: showNumber(c.completeness, locale, 1),
        })}
      </Text>
      <Text size="sm">{t("reporting.status.timeliness", { percent: showNumber(c.timeliness, locale, 1) })}</Text>
      <Text size="xs" c="dimmed">
        {t("reporting.status.counts", { approved: c.approved, returned: c.returned, late: c.late, overdue: c.overdue })}
      </Text>
    </Paper>
  );
}
