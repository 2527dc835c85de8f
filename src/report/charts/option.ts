/**
 * A chart description as an ECharts option (plain objects plus label formatters). The pane and the board pack both
 * render this option with ECharts' SVG renderer, so they draw the same chart; ECharts does all the geometry.
 */
import type { EChartsOption } from "echarts";
import { LIGHT, type ChartTheme } from "./palette";
import { axisLabel } from "./format";
import type { ChartCell, ChartDescription } from "./types";

export { axisLabel, formatValue } from "./format";

/** System fonts only (no web fonts: nothing is fetched). */
export const SYSTEM_FONT = '-apple-system, "Segoe UI", system-ui, Roboto, "Helvetica Neue", Arial, sans-serif';

/** Drawing size for a width: horizontal bars grow with their categories; the rest keep a readable aspect. */
export function chartHeight(d: ChartDescription, width: number): number {
  if (d.kind === "bar") return Math.max(200, d.rows.length * (d.rows.length > 20 ? 16 : 24) + 90);
  if (d.kind === "treemap") return Math.round(Math.min(460, Math.max(260, width * 0.7)));
  return Math.round(Math.min(420, Math.max(240, width * 0.62)));
}

const num = (v: ChartCell): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

interface TreeDatum {
  name: string;
  value: number;
  children?: TreeDatum[];
}

function treeData(d: ChartDescription): TreeDatum[] {
  const path = d.path ?? [d.category];
  const valueCol = d.series[0].y;
  const root: TreeDatum = { name: "", value: 0, children: [] };
  for (const row of d.rows) {
    const v = num(row[valueCol]) ?? 0;
    if (v <= 0) continue;
    let node = root;
    node.value += v;
    for (const col of path) {
      const name = String(row[col] ?? "");
      node.children ??= [];
      let next = node.children.find((c) => c.name === name);
      if (!next) node.children.push((next = { name, value: 0 }));
      next.value += v;
      node = next;
    }
  }
  return root.children ?? [];
}

export interface OptionSettings {
  width: number;
  theme?: ChartTheme;
  /** Transparent background (the pane); the board pack prints on white. */
  transparent?: boolean;
}

/** What every kind of chart is drawn with: the theme, the sizes, the legend, the grid and the value axes. */
function frameOf(d: ChartDescription, s: OptionSettings) {
  const t = s.theme ?? LIGHT;
  const narrow = s.width < 480;
  const fontSize = narrow ? 11 : 12;
  const text = { color: t.text, fontFamily: SYSTEM_FONT, fontSize };
  const base: EChartsOption = {
    animation: false,
    backgroundColor: s.transparent ? "transparent" : t.background,
    textStyle: { fontFamily: SYSTEM_FONT, color: t.text, fontSize },
    aria: { enabled: true, label: { description: d.alt } },
  };
  const tones = d.series.map((x) => t.tones[x.tone]);
  // One legend entry per line under the chart: nothing wraps into the axis title at 350 px.
  const legend =
    d.series.length > 1
      ? { bottom: 0, left: 0, orient: "vertical" as const, itemGap: 6, textStyle: text, itemWidth: 14, itemHeight: 10, icon: "roundRect" }
      : undefined;
  // Axis labels and names are kept inside the drawing ("same" outer bounds, containing "all").
  const grid = {
    left: 8,
    right: narrow ? 14 : 24,
    top: 16,
    bottom: legend ? d.series.length * (fontSize + 8) + 12 : 8,
    outerBoundsMode: "same" as const,
    outerBoundsContain: "all" as const,
  };
  const axisLine = { lineStyle: { color: t.axis } };
  const splitLine = { lineStyle: { color: t.grid } };
  const nameStyle = { color: t.subtleText, fontFamily: SYSTEM_FONT, fontSize };
  const valueAxis = (a: ChartDescription["yAxis"], scale: boolean, vertical: boolean) => ({
    type: "value" as const,
    scale,
    name: a.title,
    nameLocation: "middle" as const,
    nameGap: vertical ? (narrow ? 44 : 56) : 26,
    nameTextStyle: nameStyle,
    axisLine: { show: true, ...axisLine },
    splitLine,
    splitNumber: narrow && !vertical ? 3 : 5,
    axisLabel: { ...text, hideOverlap: true, formatter: (v: number) => axisLabel(v, a.format) },
  });
  return { d, width: s.width, t, narrow, fontSize, text, base, tones, legend, grid, axisLine, nameStyle, valueAxis };
}

type Frame = ReturnType<typeof frameOf>;

/** A treemap (the budget tree): nested rectangles, labels inside. */
function treemapOption({ d, t, fontSize, base }: Frame): EChartsOption {
  const palette = [t.tones.blue, t.tones.teal, t.tones.purple, t.tones.orange, t.tones.grey, t.tones.gain];
  return {
    ...base,
    color: palette,
    series: [
      {
        type: "treemap",
        data: treeData(d) as never,
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        label: { show: true, color: "#FFFFFF", fontFamily: SYSTEM_FONT, fontSize, overflow: "truncate" },
        upperLabel: { show: true, height: fontSize + 8, color: "#FFFFFF", fontFamily: SYSTEM_FONT, fontSize, fontWeight: "bold" },
        levels: [
          { itemStyle: { borderColor: t.background, borderWidth: 3, gapWidth: 3 } },
          { itemStyle: { borderColor: t.background, borderWidth: 1, gapWidth: 1 }, colorSaturation: [0.35, 0.6] },
          { colorSaturation: [0.35, 0.55], itemStyle: { borderColorSaturation: 0.65, gapWidth: 1, borderWidth: 1 } },
        ],
      },
    ],
  };
}

/** Bars, columns and lines over categories (a horizontal bar chart puts the categories on the left). */
function categoryOption({ d, width, t, narrow, text, base, tones, legend, grid, axisLine, nameStyle, valueAxis }: Frame): EChartsOption {
  const labels = d.rows.map((r) => String(r[d.category] ?? ""));
  const horizontal = d.kind === "bar";
  const labelWidth = horizontal ? Math.round(Math.min(narrow ? 110 : 200, width * 0.34)) : undefined;
  const categoryAxis = {
    type: "category" as const,
    data: labels,
    inverse: horizontal,
    axisLine,
    axisTick: { show: false },
    axisLabel: {
      ...text,
      interval: 0,
      ...(horizontal ? { width: labelWidth, overflow: "truncate" as const } : { rotate: labels.length > 6 && narrow ? 45 : 0, hideOverlap: true }),
    },
    name: horizontal ? undefined : d.xAxis.title,
    nameLocation: "middle" as const,
    nameGap: labels.length > 6 && narrow ? 52 : 28,
    nameTextStyle: nameStyle,
  };
  const values = valueAxis(d.yAxis, false, !horizontal);
  const series = d.series.map((x, k) => {
    const data = d.rows.map((r) => {
      const v = num(r[x.y]);
      if (!x.bySign || v === null) return v;
      return { value: v, itemStyle: { color: v < 0 ? t.tones.loss : t.tones.gain } };
    });
    if (x.mark === "line" || d.kind === "line") {
      return { type: "line" as const, name: x.name, data, color: tones[k], symbolSize: 6, lineStyle: { width: 2.5 } };
    }
    return { type: "bar" as const, name: x.name, data, color: tones[k], stack: d.stacked ? "total" : undefined, barMaxWidth: 36 };
  });
  return {
    ...base,
    legend,
    grid,
    xAxis: horizontal ? { ...values, nameGap: 26 } : categoryAxis,
    yAxis: horizontal ? categoryAxis : values,
    series: series as never,
  };
}

/** Scatter and bubble charts, with any fitted line. */
function pointsOption({ d, t, narrow, base, tones, legend, grid, valueAxis }: Frame): EChartsOption {
  const sizes = d.series.flatMap((x) => (x.size === undefined ? [] : d.rows.map((r) => num(r[x.size as number]) ?? 0)));
  const maxSize = Math.max(1, ...sizes);
  const series = d.series.map((x, k) => {
    const pts = d.rows
      .map((r) => ({ x: num(r[x.x ?? d.category]), y: num(r[x.y]), name: String(r[d.category] ?? ""), size: x.size === undefined ? null : num(r[x.size]) }))
      .filter((p) => p.x !== null && p.y !== null);
    if (x.mark === "line") {
      return { type: "line" as const, name: x.name, data: pts.map((p) => [p.x, p.y]), color: tones[k], showSymbol: false, lineStyle: { width: 2, type: "dashed" as const } };
    }
    return {
      type: "scatter" as const,
      name: x.name,
      color: tones[k],
      itemStyle: { opacity: x.size === undefined ? 0.85 : 0.6, borderColor: t.background, borderWidth: 0.5 },
      data: pts.map((p) => ({
        value: [p.x, p.y],
        name: p.name,
        symbolSize: p.size === null ? (narrow ? 8 : 10) : Math.round(8 + (narrow ? 26 : 40) * Math.sqrt(Math.max(0, p.size) / maxSize)),
      })),
    };
  });
  return {
    ...base,
    legend,
    grid: { ...grid, left: 12 },
    xAxis: valueAxis(d.xAxis, true, false),
    yAxis: valueAxis(d.yAxis, true, true),
    series: series as never,
  };
}

/** The ECharts option of a description. */
export function chartOption(d: ChartDescription, s: OptionSettings): EChartsOption {
  const f = frameOf(d, s);
  if (d.kind === "treemap") return treemapOption(f);
  if (d.kind === "bar" || d.kind === "column" || d.kind === "line") return categoryOption(f);
  return pointsOption(f);
}
