import { Breadcrumbs, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { lazy, Suspense, useEffect } from "react";
import type { Unit } from "../../../contract/unit";
import { lastValidDay } from "../../../core/units";
import { ErrorAlert } from "../../app/error-alert";
import { AnchorLink } from "../../app/links";
import { BlockSkeleton, PageLoader } from "../../app/page-states";
import { formatDate } from "../../i18n/format";
import { useT } from "../../i18n/i18n";
import { AgencyList } from "../agencies/agency-list";
import { useUnit } from "./api";
import { useAsOf } from "./as-of";
import { UnitChildrenList } from "./unit-children-list";
import { UnitTypeBadge, ValidityBadge, validityText } from "./unit-labels";

const CrosswalkPanel = lazy(() => import("./crosswalk-panel").then((m) => ({ default: m.CrosswalkPanel })));
const AuditTable = lazy(() => import("../audit/audit-table").then((m) => ({ default: m.AuditTable })));

const TABS = ["overview", "agencies", "crosswalk", "history"] as const;
type Tab = (typeof TABS)[number];

/** A day on which the unit exists: the chosen day when it is valid then, else its first or last day. */
export function dayWithinValidity(unit: Pick<Unit, "validFrom" | "validTo">, asOf: string): string {
  if (unit.validFrom !== null && asOf < unit.validFrom) return unit.validFrom;
  if (unit.validTo !== null && asOf >= unit.validTo) return lastValidDay(unit.validTo) ?? asOf;
  return asOf;
}

export function UnitPage() {
  const t = useT();
  const { unitId } = useParams({ strict: false }) as { unitId: string };
  const search = useSearch({ strict: false }) as { tab?: unknown };
  const navigate = useNavigate();
  const [chosenDay] = useAsOf();
  const id = Number(unitId);
  const first = useUnit(id, chosenDay);
  const seenOn = first.data ? dayWithinValidity(first.data.unit, chosenDay) : chosenDay;
  // Seen on a day inside its validity, so children and counts are the ones it really had.
  const query = useUnit(id, seenOn);
  const data = query.data ?? first.data;
  const tab: Tab = TABS.includes(search.tab as Tab) ? (search.tab as Tab) : "overview";

  useEffect(() => {
    if (data) document.title = `${data.unit.fullName} — ${t("app.name")}`;
  }, [data, t]);

  if (first.isError) return <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />;
  if (!data) return <BlockSkeleton rows={8} />;
  const { unit, ancestors } = data;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs aria-label={t("units.breadcrumb")} separator="›" separatorMargin={6}>
          <AnchorLink to="/units" search={{ asOf: seenOn }} size="sm">
            {t("units.title")}
          </AnchorLink>
          {ancestors.map((a) => (
            <AnchorLink
              key={a.id}
              to="/units/$unitId"
              params={{ unitId: String(a.id) }}
              search={{ asOf: seenOn }}
              size="sm"
            >
              {a.fullName}
            </AnchorLink>
          ))}
        </Breadcrumbs>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {unit.fullName}
          </Title>
          <UnitTypeBadge unit={unit} />
          <ValidityBadge unit={unit} />
        </Group>
        {seenOn !== chosenDay && (
          <Text size="sm" c="dimmed">
            {t("units.seenOn", { date: formatDate(seenOn) })}
          </Text>
        )}
      </Stack>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label={t("units.code")} value={unit.code} />
          <Fact label={t("units.type")} value={t(`unitType.${unit.type}`)} />
          <Fact label={t("units.level")} value={t(`unitLevel.${unit.level}`)} />
          <Fact label={t("units.validity")} value={validityText(unit, t)} />
        </SimpleGrid>
      </Paper>

      <Tabs
        value={tab}
        onChange={(next) =>
          void navigate({
            to: ".",
            search: (prev: Record<string, unknown>) => ({ ...prev, tab: next === "overview" ? undefined : next }),
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t("units.tabOverview")}</Tabs.Tab>
          <Tabs.Tab value="agencies">{t("units.tabAgencies")}</Tabs.Tab>
          <Tabs.Tab value="crosswalk">{t("units.tabCrosswalk")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("units.tabHistory")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <UnitChildrenList unit={unit} asOf={seenOn} />
        </Tabs.Panel>
        <Tabs.Panel value="agencies" pt="md">
          <AgencyList unit={unit} unitPath={[...ancestors.map((a) => a.id), unit.id]} />
        </Tabs.Panel>
        <Tabs.Panel value="crosswalk" pt="md">
          <Suspense fallback={<PageLoader />}>
            <CrosswalkPanel unit={unit} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Suspense fallback={<PageLoader />}>
            <AuditTable objectType="unit" objectId={String(unit.id)} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}
