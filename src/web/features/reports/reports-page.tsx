import { Alert, Badge, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import type { Me } from "../../../contract/auth";
import type { Dashboard } from "../../../contract/dashboard";
import { formatNumberVi } from "../../../core/format";
import { dataWindow } from "../../../core/periods";
import type { SubmissionState } from "../../../core/reporting";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton } from "../../app/page-states";
import { formatDate, formatNumber } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { useAgency } from "../agencies/api";
import { useMe } from "../auth/session";
import { type DashboardKey, useDashboard } from "../dashboard/api";
import { SelectionFields, useSelection } from "../dashboard/selection";
import { periodText, STATE_KEY } from "../reporting/labels";
import { ReportDownloads } from "./report-downloads";
import { ReportTextSection } from "./report-text-section";

/** The unit a user reports for: their own, or their agency's (an agency reporter has no unit of their own). */
function useOwnUnitId(me: Me): { unitId: number | null; isPending: boolean } {
  const agency = useAgency(me.agencyId ?? 0, me.unitId === null && me.agencyId !== null);
  if (me.unitId !== null) return { unitId: me.unitId, isPending: false };
  if (me.agencyId === null) return { unitId: null, isPending: false };
  return { unitId: agency.data?.unitId ?? null, isPending: agency.isPending };
}

/** May open the plan's rounds (open one, see who reported): the planners of the plan's unit. */
function canManageRounds(me: Me, planUnitId: number): boolean {
  return me.role === "admin" || (me.role === "planner" && me.unitId === planUnitId);
}

/**
 * "Báo cáo": the 6-month and annual report of a unit against a plan (?unitId=&planId=&period=),
 * whether its figures are complete, and the documents to download. The readiness comes from
 * the same view model the documents are written from (GET /api/dashboard), so what it says
 * is what the report prints.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const own = useOwnUnitId(me);
  const selection = useSelection(own.unitId);
  const { unitId, options, plans, key } = selection;
  useEffect(() => {
    document.title = `${t("reports.title")} — ${t("app.name")}`;
  }, [t]);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("reports.title")}
        </Title>
        <Text c="dimmed">{t("reports.intro")}</Text>
      </Stack>
      <Paper withBorder p="md" radius="md" component="section" aria-label={t("reports.choose")}>
        <SelectionFields selection={selection} unitLabel={t("reports.unit")} />
      </Paper>
      {unitId === null && own.isPending && <BlockSkeleton rows={3} />}
      {unitId === null && !own.isPending && <Text c="dimmed">{t("reports.pickUnit")}</Text>}
      {unitId !== null && options.isPending && <BlockSkeleton rows={3} />}
      {options.isError && <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && plans.length === 0 && (
        <Alert variant="light" color="yellow" title={t("reports.noPlansTitle")} data-testid="reports-no-plans">
          <Text size="sm">{t("reports.noPlans", { unit: options.data.unit.fullName })}</Text>
          {me.role === "planner" && (
            <AnchorLink to="/plans" size="sm">
              {t("reports.goPlans")}
            </AnchorLink>
          )}
        </Alert>
      )}
      {key && <ReportBody dashKey={key} />}
    </Stack>
  );
}

function ReportBody({ dashKey }: { dashKey: DashboardKey }) {
  const dashboard = useDashboard(dashKey);
  // keepPreviousData: a view of the previous selection stays until the new one arrives.
  const view = dashboard.data;
  const isCurrent =
    view !== undefined &&
    view.unit.id === dashKey.unitId &&
    view.plan.id === dashKey.planId &&
    view.period === dashKey.period;
  return (
    <>
      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {!dashboard.isError && !isCurrent && <BlockSkeleton rows={4} />}
      {!dashboard.isError && view && isCurrent && <Readiness view={view} />}
      {!dashboard.isError && <ReportTextSection dashKey={dashKey} />}
      {!dashboard.isError && <ReportDownloads dashKey={dashKey} />}
    </>
  );
}

/** Whether the report is complete: the round's reporters under the unit, and the indicators with figures. */
function Readiness({ view }: { view: Dashboard }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const num = (n: number) => (locale === "vi" ? formatNumberVi(n) : formatNumber(n, locale));
  const window = dataWindow(view.period);
  const round = view.round;
  const withData = view.indicators.filter((i) => i.value !== null).length;
  const mayManage = canManageRounds(me, view.plan.unitId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-readiness">
      <Stack gap="xs" data-testid="report-readiness">
        <Title order={2} size="h3" id="report-readiness">
          {t("reports.readiness")}
        </Title>
        <Text fw={600}>
          {view.unit.fullName} — {periodText(view.period, locale, view.periodLabel)}
        </Text>
        <Text size="sm">{t("reports.window", { from: formatDate(window.from), to: formatDate(window.to) })}</Text>
        {!round ? (
          <Alert variant="light" color="yellow" title={t("reports.noRoundTitle")} data-testid="report-no-round">
            <Text size="sm">{t("reports.noRound")}</Text>
            {mayManage && (
              <AnchorLink to="/reporting/$" params={{ _splat: `plans/${view.plan.id}` }} size="sm">
                {t("reports.openRound")}
              </AnchorLink>
            )}
          </Alert>
        ) : (
          <RoundReadiness view={view} round={round} num={num} mayManage={mayManage} />
        )}
        {view.indicators.length > 0 && (
          <Text size="sm" data-testid="report-indicators">
            {t("reports.indicators", { n: num(withData), total: num(view.indicators.length) })}
            {withData < view.indicators.length && ` ${t("reports.indicatorsMissing")}`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

interface RoundProps {
  view: Dashboard;
  round: NonNullable<Dashboard["round"]>;
  num: (n: number) => string;
  mayManage: boolean;
}

function RoundReadiness({ view, round, num, mayManage }: RoundProps) {
  const { t } = useI18n();
  const counts = {
    expected: num(round.expected),
    reported: num(round.reported),
    approved: num(round.approved),
  };
  const missing = round.expected - round.approved;
  const pending = round.reported - round.approved;
  return (
    <Stack gap="xs">
      <Text size="sm">{t("reports.deadline", { date: formatDate(round.deadline) })}</Text>
      <Text size="sm" data-testid="report-counts">
        {t("reports.counts", counts)}
      </Text>
      {round.expected > 0 && (
        <Progress
          color={missing === 0 ? "green" : "yellow"}
          value={(round.approved / round.expected) * 100}
          aria-label={t("reports.counts", counts)}
        />
      )}
      {round.expected === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reports.noReporters", { unit: view.unit.fullName })}
        </Text>
      ) : missing > 0 ? (
        <Alert variant="light" color="yellow" title={t("reports.incompleteTitle")} data-testid="report-incomplete">
          <Text size="sm">{t("reports.incomplete", { missing: num(missing), expected: counts.expected })}</Text>
          {pending > 0 && <Text size="sm">{t("reports.pending", { n: num(pending) })}</Text>}
          <NotApproved round={round} />
        </Alert>
      ) : (
        <Alert variant="light" color="green" data-testid="report-complete">
          {t("reports.complete", { expected: counts.expected })}
        </Alert>
      )}
      {mayManage && (
        <AnchorLink
          to="/reporting/$"
          params={{ _splat: `plans/${view.plan.id}` }}
          search={{ round: round.roundId }}
          size="sm"
        >
          {t("reports.roundDetails")}
        </AnchorLink>
      )}
    </Stack>
  );
}

const SHOWN = 10;

/** The first reporters whose figures are not in yet, so the officer knows whom to call. */
function NotApproved({ round }: { round: NonNullable<Dashboard["round"]> }) {
  const { t } = useI18n();
  const missing = round.reporters.filter((r) => r.state !== "approved");
  if (missing.length === 0) return null;
  return (
    <Text size="sm" component="ul" m={0} mt={4} pl="md" aria-label={t("reports.notApproved")}>
      {missing.slice(0, SHOWN).map((r) => (
        <li key={r.reporterKey}>
          {r.name}: {r.state in STATE_KEY ? t(STATE_KEY[r.state as SubmissionState]) : r.state}
          {r.timeliness === "overdue" && (
            <Badge ml={6} size="xs" color="red" variant="light">
              {t("dashboard.overdue")}
            </Badge>
          )}
        </li>
      ))}
      {missing.length > SHOWN && <li>{t("reports.more", { n: missing.length - SHOWN })}</li>}
    </Text>
  );
}
