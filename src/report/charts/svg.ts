/**
 * Static SVG of a chart description, drawn by ECharts' server-side SVG renderer: no browser, no DOM, no canvas.
 * The pane loads this module lazily and draws the same SVG; the board pack inlines it.
 */
import { BarChart, LineChart, ScatterChart, TreemapChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { chartHeight, chartOption } from "./option";
import { LIGHT, type ChartTheme } from "./palette";
import type { ChartDescription } from "./types";

export { DARK, LIGHT } from "./palette";

echarts.use([BarChart, LineChart, ScatterChart, TreemapChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

const NARROW = new Set("iljtfrI.,:;'!|()[] ");
const WIDE = new Set("mwMW@%");
/**
 * Text width estimate (em) for sans-serif system fonts, a little generous so that labels are truncated before they
 * could overflow whichever system font the reader has. Used everywhere (Node has no canvas to measure with), so the
 * pane and the board pack lay out the same chart identically.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (WIDE.has(ch)) em += 0.9;
    else if (ch >= "0" && ch <= "9") em += 0.58;
    else if (ch >= "A" && ch <= "Z") em += 0.7;
    else if (ch >= "a" && ch <= "z") em += 0.56;
    else em += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6;
  }
  return em * fontSize * 1.05;
}

echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => {
    const m = /(\d+(?:\.\d+)?)px/.exec(font ?? "");
    return { width: textWidth(text ?? "", m ? Number(m[1]) : 12) } as TextMetrics;
  },
});

const xml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The SVG as one image for screen readers: role, label (the text alternative), title and description. Inside an
 * element that already is the labelled image (the pane's chart box), the drawing is hidden from them instead, so
 * the chart is announced once.
 */
function labelled(svg: string, d: ChartDescription, inside: boolean): string {
  const open = svg.indexOf(">");
  if (!svg.startsWith("<svg") || open < 0) return svg;
  if (inside) return `<svg aria-hidden="true" focusable="false"${svg.slice(4)}`;
  return `<svg role="img" aria-label="${xml(d.alt)}"${svg.slice(4, open + 1)}<title>${xml(d.title)}</title><desc>${xml(d.alt)}</desc>${svg.slice(open + 1)}`;
}

export interface SvgSettings {
  width: number;
  /** Default: from the description and the width (chartHeight). */
  height?: number;
  theme?: ChartTheme;
  transparent?: boolean;
  /** Drawn inside an element that carries the image role and the text alternative (the pane): hide the drawing. */
  inside?: boolean;
}

/** The chart as one `<svg>` element (string), `width` × `height` pixels, with the description's text alternative. */
export function chartSvg(d: ChartDescription, s: SvgSettings): string {
  const width = Math.max(200, Math.round(s.width));
  const height = s.height ?? chartHeight(d, width);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(chartOption(d, { width, theme: s.theme ?? LIGHT, transparent: s.transparent }));
    return labelled(chart.renderToSVGString(), d, s.inside === true);
  } finally {
    chart.dispose();
  }
}
