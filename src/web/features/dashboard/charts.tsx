// The dashboard's charts: its own lazily loaded chunk, so the main bundle carries no
// ECharts. Only the pieces used are registered (line, bar, map; grid, tooltip,
// mark line, visual map; the SVG renderer, which prints sharp and can be hovered in
// browser tests). Animation is switched off before printing.

import { BarChart, LineChart, MapChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { Dashboard, DashboardIndicator } from "../../../contract/dashboard";
import { formatIndicatorValue } from "../../../contract/dashboard";
import { formatNumberVi } from "../../../core/format";
import { useT } from "../../i18n/i18n";
import { explainLines, STATUS_HEX } from "./explain";

echarts.use([
  LineChart,
  BarChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

const MAP_NAME = "vn-provinces-2025";
const FONT = "system-ui, sans-serif";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Mounts a chart on a div, keeps it sized, turns animation off for print, disposes it. */
function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    const beforePrint = () => {
      instance.setOption({ animation: false });
      instance.resize();
    };
    window.addEventListener("beforeprint", beforePrint);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    chart.current?.setOption({ animation: !reduce, textStyle: { fontFamily: FONT }, ...option }, true);
  }, [option]);
  return ref;
}

export function TrendChart({ indicator, height = 300 }: { indicator: DashboardIndicator; height?: number }) {
  const t = useT();
  const trend = indicator.trend;
  const first = trend[0]?.year ?? new Date().getFullYear();
  const last = Math.max(
    trend.at(-1)?.year ?? first,
    indicator.target?.year ?? first,
    indicator.projection?.year ?? first,
  );
  const years = Array.from({ length: last - first + 1 }, (_, k) => String(first + k));
  const byYear = new Map(trend.map((p) => [String(p.year), p]));
  const lastObserved = [...trend].reverse().find((p) => p.value !== null);
  const projection = indicator.projection;
  const option: echarts.EChartsCoreOption = {
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    legend: { top: 0, data: [t("dashboard.value"), t("dashboard.projection")] },
    xAxis: { type: "category", data: years, boundaryGap: false },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumberVi(v) },
    },
    tooltip: {
      trigger: "axis",
      confine: true,
      className: "bd-trend-tooltip",
      formatter: (params: { axisValue: string }[]) => {
        const year = params[0]?.axisValue ?? "";
        const point = byYear.get(year);
        const lines = point
          ? explainLines(t, indicator, point.status, point.explain, point.year)
          : projection && String(projection.year) === year
            ? [
                t("dashboard.projectionText", {
                  year,
                  value: formatIndicatorValue(projection.value, indicator.unit),
                  verdict: t(projection.meetsTarget ? "dashboard.projectionMeets" : "dashboard.projectionMisses"),
                }),
              ]
            : [];
        if (lines.length === 0) return "";
        const [head, ...rest] = lines;
        return `<strong>${escapeHtml(year)} — ${escapeHtml(head ?? "")}</strong><br/>${rest.map(escapeHtml).join("<br/>")}`;
      },
    },
    series: [
      {
        name: t("dashboard.value"),
        type: "line",
        symbolSize: 10,
        connectNulls: true,
        lineStyle: { width: 3, color: "#1864ab" },
        data: years.map((y) => {
          const p = byYear.get(y);
          return p ? { value: p.value, itemStyle: { color: STATUS_HEX[p.status] } } : null;
        }),
        markLine:
          indicator.target?.value != null
            ? {
                symbol: "none",
                lineStyle: { type: "dashed", color: "#c92a2a", width: 2 },
                label: { formatter: `${t("dashboard.targetLine")} ${indicator.target.text}`, position: "insideEndTop" },
                data: [{ yAxis: indicator.target.value }],
              }
            : undefined,
      },
      {
        name: t("dashboard.projection"),
        type: "line",
        symbol: "emptyCircle",
        symbolSize: 8,
        lineStyle: { type: "dotted", width: 2, color: "#495057" },
        itemStyle: { color: "#495057" },
        data: years.map((y) => {
          if (lastObserved && y === String(lastObserved.year)) return lastObserved.value;
          if (projection && y === String(projection.year)) return projection.value;
          return null;
        }),
        connectNulls: true,
      },
    ],
  };
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      data-testid="trend-chart"
      role="img"
      aria-label={`${t("dashboard.trend", { code: indicator.code })}: ${trend
        .map((p) => `${p.year} ${formatIndicatorValue(p.value, indicator.unit)}`)
        .join(", ")}`}
      style={{ width: "100%", height }}
    />
  );
}

export function LowerUnitsChart({ view, indicator }: { view: Dashboard; indicator: DashboardIndicator }) {
  const t = useT();
  const rows = view.lowerUnits
    .map((u) => ({ name: u.name, v: u.values[indicator.key] }))
    .filter((r) => r.v?.value !== null && r.v?.value !== undefined)
    .sort((a, b) => (a.v?.value ?? 0) - (b.v?.value ?? 0));
  const option: echarts.EChartsCoreOption = {
    grid: { left: 150, right: 48, top: 16, bottom: 24 },
    xAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumberVi(v) } },
    yAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { width: 140, overflow: "truncate" } },
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; value: number }) =>
        `${escapeHtml(p.name)}: ${escapeHtml(formatIndicatorValue(p.value, indicator.unit))}`,
    },
    series: [
      {
        type: "bar",
        data: rows.map((r) => ({
          value: r.v?.value,
          itemStyle: {
            color: r.v?.meetsTarget === true ? STATUS_HEX.achieved : r.v?.meetsTarget === false ? "#e8590c" : "#868e96",
          },
        })),
        label: { show: true, position: "right", formatter: (p: { value: number }) => formatNumberVi(p.value) },
        markLine:
          indicator.target?.value != null
            ? {
                symbol: "none",
                lineStyle: { type: "dashed", color: "#c92a2a" },
                label: { formatter: t("dashboard.targetLine") },
                data: [{ xAxis: indicator.target.value }],
              }
            : undefined,
      },
    ],
  };
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      data-testid="lower-units-chart"
      role="img"
      aria-label={`${t("dashboard.lower")}: ${indicator.code}`}
      style={{ width: "100%", height: Math.max(240, rows.length * 22 + 40) }}
    />
  );
}

export function ProvinceMap({
  view,
  indicator,
  geoJson,
}: {
  view: Dashboard;
  indicator: DashboardIndicator;
  geoJson: object;
}) {
  const t = useT();
  // Registered once per page: the feature id and `code` property are the province code.
  if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, geoJson as Parameters<typeof echarts.registerMap>[1]);
  const data = view.lowerUnits.map((u) => ({
    name: u.code,
    value: u.values[indicator.key]?.value ?? Number.NaN,
    fullName: u.fullName,
  }));
  const values = data.map((d) => d.value).filter((v) => Number.isFinite(v));
  // Percentages on their natural 0–100 scale; other units from their own range (one value still needs a span).
  const isPercent = indicator.unit === "%";
  const lo = isPercent ? 0 : values.length ? Math.min(...values) : 0;
  const hi = isPercent ? Math.max(100, ...values) : values.length ? Math.max(...values, lo + 1) : 1;
  const option: echarts.EChartsCoreOption = {
    tooltip: {
      trigger: "item",
      formatter: (p: { data?: { fullName: string; value: number } }) =>
        p.data
          ? `${escapeHtml(p.data.fullName)}: ${escapeHtml(
              formatIndicatorValue(Number.isFinite(p.data.value) ? p.data.value : null, indicator.unit),
            )}`
          : "",
    },
    visualMap: {
      min: lo,
      max: hi,
      calculable: true,
      left: 8,
      bottom: 8,
      text: [formatNumberVi(hi), formatNumberVi(lo)],
      inRange: { color: ["#d0ebff", "#4dabf7", "#1864ab"] },
      // Provinces without a value: neutral grey, never a colour of the scale.
      outOfRange: { color: "#e9ecef" },
      formatter: (v: number) => formatNumberVi(v),
    },
    series: [
      {
        type: "map",
        map: MAP_NAME,
        nameProperty: "code",
        roam: false,
        itemStyle: { areaColor: "#e9ecef", borderColor: "#495057", borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffd43b" } },
        data,
      },
    ],
  };
  const ref = useChart(option);
  return (
    <div
      ref={ref}
      data-testid="province-map"
      role="img"
      aria-label={t("dashboard.map", { indicator: indicator.code })}
      style={{ width: "100%", height: 560 }}
    />
  );
}
