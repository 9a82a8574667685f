import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";
import { type Dashboard, STATUS_CODES } from "../../../contract/dashboard";
import { formatDateVi, formatNumberVi } from "../../../core/format";
import { ErrorAlert } from "../../app/error-alert";
import { BlockSkeleton } from "../../app/page-states";
import { useT } from "../../i18n/i18n";
import { useMe } from "../auth/session";
import { csvUrl, type DashboardKey, reportUrl, useDashboard, useProvinceMap } from "./api";
import "./dashboard.css";
import { STATUS_COLOR, statusKey } from "./explain";
import { IndicatorTable } from "./indicator-table";
import { SelectionFields, useSelection } from "./selection";

// Charts live in their own chunk (ECharts), loaded when the dashboard first draws one.
const TrendChart = lazy(() => import("./charts").then((m) => ({ default: m.TrendChart })));
const LowerUnitsChart = lazy(() => import("./charts").then((m) => ({ default: m.LowerUnitsChart })));
const ProvinceMap = lazy(() => import("./charts").then((m) => ({ default: m.ProvinceMap })));

/** The progress dashboard of a unit against a plan (?unitId=&planId=&period=). */
export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const selection = useSelection(me.unitId ?? null);
  const { options, plans, key, search } = selection;
  const dashboard = useDashboard(key);
  const view = dashboard.data;

  useEffect(() => {
    document.title = `${t("dashboard.title")} — ${t("app.name")}`;
  }, [t]);

  return (
    <Stack gap="lg" className="bd-dashboard">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t("dashboard.title")}
        </Title>
        <Button variant="default" className="bd-no-print" onClick={() => window.print()}>
          {t("dashboard.print")}
        </Button>
      </Group>
      <Paper withBorder p="md" radius="md" className="bd-no-print">
        <SelectionFields selection={selection} unitLabel={t("dashboard.pickUnit")} />
      </Paper>
      {options.isError && <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && plans.length === 0 && <Text c="dimmed">{t("dashboard.noPlans")}</Text>}
      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {key && !view && dashboard.isPending && <BlockSkeleton rows={8} />}
      {view && key && (
        <DashboardBody view={view} dashKey={key} selected={search.ind} onSelect={(k) => selection.patch({ ind: k })} />
      )}
    </Stack>
  );
}

function DashboardBody({
  view,
  dashKey,
  selected,
  onSelect,
}: {
  view: Dashboard;
  dashKey: DashboardKey;
  selected: unknown;
  onSelect: (key: string) => void;
}) {
  const t = useT();
  const current =
    view.indicators.find((i) => i.key === selected) ??
    view.indicators.find((i) => i.value !== null) ??
    view.indicators[0] ??
    null;
  return (
    <Stack gap="lg">
      <Text size="lg" fw={600}>
        {view.unit.fullName} — {view.periodLabel}
      </Text>
      {view.actionMonth && (
        <Alert color="grape" title={t("dashboard.actionMonth")} data-testid="action-month">
          {view.actionMonth.label}
        </Alert>
      )}
      <GoalCards view={view} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t("dashboard.indicators")}
        </Title>
        <IndicatorTable view={view} selected={current?.key ?? null} onSelect={onSelect} />
      </Paper>
      {current && (
        <Paper withBorder p="md" radius="md" className="bd-chart-panel">
          <Title order={2} size="h3">
            {t("dashboard.trend", { code: current.code })}
          </Title>
          <Text size="sm">{current.subject ? `${current.text} — ${current.subject}` : current.text}</Text>
          <Text size="xs" c="dimmed" className="bd-no-print">
            {t("dashboard.trendHint")}
          </Text>
          <Suspense fallback={<BlockSkeleton rows={6} label={t("dashboard.chartLoading")} />}>
            <TrendChart indicator={current} />
          </Suspense>
        </Paper>
      )}
      {current && <LowerUnitsPanel view={view} preferred={current.key} />}
      <RoundPanel view={view} />
      <Downloads dashKey={dashKey} />
    </Stack>
  );
}

function GoalCards({ view }: { view: Dashboard }) {
  const t = useT();
  return (
    <section aria-label={t("dashboard.goals")}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {view.goals.map((g) => (
          <Paper key={g.goalId} withBorder p="md" radius="md" data-testid={`goal-card-${g.number}`}>
            <Text fw={700}>{t("dashboard.goal", { number: g.number })}</Text>
            <Text size="sm" lineClamp={2} mb="xs">
              {g.title}
            </Text>
            <Group gap={6}>
              {STATUS_CODES.filter((s) => g.counts[s] > 0).map((s) => (
                <Badge key={s} color={STATUS_COLOR[s]} variant="filled" autoContrast>
                  {t(statusKey(s))}: {g.counts[s]}
                </Badge>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t("dashboard.goalTotal", { n: g.total })}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

/** Lower units side by side on one indicator: the one shown above when lower units report it, else the first they do. */
function LowerUnitsPanel({ view, preferred }: { view: Dashboard; preferred: string }) {
  const t = useT();
  const [mode, setMode] = useState<"bars" | "map">(view.isNational ? "map" : "bars");
  const [chosen, setChosen] = useState<string | null>(null);
  const map = useProvinceMap(view.isNational && mode === "map");
  const hasLower = (key: string) => view.lowerUnits.some((u) => u.values[key]?.value != null);
  const indicatorKey =
    chosen ?? (hasLower(preferred) ? preferred : (view.indicators.find((i) => hasLower(i.key))?.key ?? preferred));
  const indicator = view.indicators.find((i) => i.key === indicatorKey);
  if (!indicator) return null;
  const missing = view.lowerUnits.filter((u) => u.values[indicator.key]?.value == null).length;
  return (
    <Paper withBorder p="md" radius="md" className="bd-chart-panel" data-testid="lower-units">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t("dashboard.lower")}
        </Title>
        {view.isNational && (
          <SegmentedControl
            className="bd-no-print"
            value={mode}
            onChange={(v) => setMode(v as "bars" | "map")}
            data={[
              { value: "map", label: t("dashboard.view.map") },
              { value: "bars", label: t("dashboard.view.bars") },
            ]}
          />
        )}
      </Group>
      {view.lowerUnits.length === 0 ? (
        <Text c="dimmed">{t("dashboard.lowerEmpty")}</Text>
      ) : (
        <>
          <Select
            className="bd-no-print"
            label={t("dashboard.lowerIndicator")}
            data={view.indicators.map((i) => ({
              value: i.key,
              label: `${i.code} ${i.subject ?? i.text}`.slice(0, 120),
            }))}
            value={indicator.key}
            onChange={(v) => v && setChosen(v)}
            allowDeselect={false}
            maw={560}
            mb="sm"
          />
          <Suspense fallback={<BlockSkeleton rows={6} label={t("dashboard.chartLoading")} />}>
            {view.isNational && mode === "map" ? (
              map.data ? (
                <ProvinceMap view={view} indicator={indicator} geoJson={map.data} />
              ) : (
                <BlockSkeleton rows={8} label={t("dashboard.chartLoading")} />
              )
            ) : (
              <LowerUnitsChart view={view} indicator={indicator} />
            )}
          </Suspense>
          {missing > 0 && (
            <Text size="xs" c="dimmed">
              {t("dashboard.lowerNoData", { n: missing })}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}

function RoundPanel({ view }: { view: Dashboard }) {
  const t = useT();
  const round = view.round;
  return (
    <Paper withBorder p="md" radius="md" data-testid="round-panel">
      <Title order={2} size="h3" mb="sm">
        {t("dashboard.round", { period: view.periodLabel })}
      </Title>
      {!round ? (
        <Text c="dimmed">{t("dashboard.noRound")}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t("dashboard.deadline", { date: formatDateVi(round.deadline) })}</Text>
          <Text size="sm">
            {t("dashboard.completeness", {
              reported: round.reported,
              expected: round.expected,
              pct: formatNumberVi(round.completeness, 1),
            })}
          </Text>
          <Progress
            value={round.completeness}
            aria-label={t("dashboard.completeness", {
              reported: round.reported,
              expected: round.expected,
              pct: formatNumberVi(round.completeness, 1),
            })}
          />
          <Text size="sm">
            {t("dashboard.timeliness", {
              n: round.onTime,
              expected: round.expected,
              pct: formatNumberVi(round.timeliness, 1),
            })}
          </Text>
          <Progress
            color="teal"
            value={round.timeliness}
            aria-label={t("dashboard.timeliness", {
              n: round.onTime,
              expected: round.expected,
              pct: formatNumberVi(round.timeliness, 1),
            })}
          />
          <NotReported round={round} />
        </Stack>
      )}
    </Paper>
  );
}

function NotReported({ round }: { round: NonNullable<Dashboard["round"]> }) {
  const t = useT();
  const missing = round.reporters.filter((r) => r.state !== "submitted" && r.state !== "approved");
  if (missing.length === 0) return <Text size="sm">{t("dashboard.allReported")}</Text>;
  const shown = missing.slice(0, 40);
  return (
    <div>
      <Text fw={600} size="sm">
        {t("dashboard.notReported", { n: missing.length })}
      </Text>
      <Text size="sm" component="ul" m={0} pl="md">
        {shown.map((r) => (
          <li key={r.reporterKey}>
            {r.name}
            {r.timeliness === "overdue" && (
              <Badge ml={6} size="xs" color="red" variant="light">
                {t("dashboard.overdue")}
              </Badge>
            )}
          </li>
        ))}
        {missing.length > shown.length && <li>…</li>}
      </Text>
    </div>
  );
}

function Downloads({ dashKey }: { dashKey: DashboardKey }) {
  const t = useT();
  const [isPublic, setPublic] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" className="bd-no-print">
      <Title order={2} size="h3" mb="sm">
        {t("dashboard.downloads")}
      </Title>
      <Checkbox
        mb="sm"
        label={t("dashboard.public")}
        checked={isPublic}
        onChange={(e) => setPublic(e.currentTarget.checked)}
      />
      <Group>
        <Button component="a" href={reportUrl(dashKey, "docx", isPublic)} download>
          {t("dashboard.reportDocx")}
        </Button>
        <Button component="a" variant="light" href={reportUrl(dashKey, "xlsx", isPublic)} download>
          {t("dashboard.reportXlsx")}
        </Button>
        <Anchor href={csvUrl(dashKey, "indicators", isPublic)} download>
          {t("dashboard.csvIndicators")}
        </Anchor>
        <Anchor href={csvUrl(dashKey, "lowerUnits", isPublic)} download>
          {t("dashboard.csvLower")}
        </Anchor>
      </Group>
    </Paper>
  );
}
