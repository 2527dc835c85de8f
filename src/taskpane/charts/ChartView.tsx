/**
 * One chart in the pane, from its chart description (src/report/charts). The drawing library (ECharts, SVG
 * renderer) loads lazily the first time a chart is shown, so the pane's first download stays small. The chart is
 * the same SVG the board pack prints, sized to the pane's width, light or dark; screen readers get the text
 * alternative, and "Show data" lays out the plotted figures as a table.
 */
import { createContext, useContext, useEffect, useId, useRef, useState } from "react";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ChartDescription } from "../../report/charts/types";
import { formatValue } from "../../report/charts/format";

/** Light or dark charts (App provides it from the pane's theme). */
export const ChartThemeContext = createContext<"light" | "dark">("light");

type Renderer = typeof import("../../report/charts/svg");
let renderer: Promise<Renderer> | null = null;
/** The drawing module, loaded once (a separate chunk of the pane's build). */
export function loadRenderer(): Promise<Renderer> {
  renderer ??= import(/* webpackChunkName: "charts" */ "../../report/charts/svg");
  return renderer;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  chart: {
    width: "100%",
    minHeight: "120px",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    "& svg": { display: "block", maxWidth: "100%", height: "auto" },
  },
  caption: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { overflowX: "auto", maxHeight: "360px", overflowY: "auto" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

/** Width of an element, following resizes (the pane is 350 px in Excel, wider in the preview). */
function useWidth(ref: React.RefObject<HTMLElement>, fallback = 320): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth((old) => (Math.abs(old - w) >= 8 ? w : old));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/** Whether an element has come into view once (charts below the fold are drawn when scrolled to). */
function useSeen(ref: React.RefObject<HTMLElement>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        io.disconnect();
      }
    }, { rootMargin: "200px" });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, seen]);
  return seen;
}

export interface ChartViewProps {
  description: ChartDescription | null;
}

/** The chart drawn as SVG once it has been seen (again when the width or the theme changes), or why it could not be. */
function useChartSvg(d: ChartDescription | null, width: number, theme: "light" | "dark", seen: boolean) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!d || !seen) return;
    let live = true;
    loadRenderer().then(
      (r) => {
        if (!live) return;
        try {
          setSvg(r.chartSvg(d, { width, theme: theme === "dark" ? r.DARK : r.LIGHT, transparent: true, inside: true }));
        } catch (e) {
          setFailed(e instanceof Error ? e.message : String(e));
        }
      },
      (e) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [d, width, theme, seen]);
  return { svg, failed };
}

/** The plotted figures as a table ("Show data"). */
function ChartData({ d, id }: { d: ChartDescription; id: string }) {
  const s = useStyles();
  const numClass = (k: number) => (d.columns[k].format === "text" ? undefined : s.num);
  return (
    <div id={id} className={s.table}>
      <Table size="extra-small" aria-label={`Data of the chart: ${d.title}`}>
        <TableHeader>
          <TableRow>
            {d.columns.map((c, k) => (
              <TableHeaderCell key={c.header} className={numClass(k)}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.rows.map((r, i) => (
            <TableRow key={i}>
              {r.map((v, k) => (
                <TableCell key={k} className={numClass(k)}>
                  {formatValue(v, d.columns[k].format)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function ChartView({ description: d }: ChartViewProps) {
  const s = useStyles();
  const theme = useContext(ChartThemeContext);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const seen = useSeen(box);
  const { svg, failed } = useChartSvg(d, width, theme, seen);
  const [showData, setShowData] = useState(false);
  const id = useId();
  if (!d) return null;
  return (
    <figure className={s.figure} aria-labelledby={`${id}-title`} data-chart={d.id}>
      <Text id={`${id}-title`} className={s.title}>
        {d.title}
      </Text>
      <div
        ref={box}
        className={s.chart}
        role="img"
        tabIndex={0}
        aria-label={d.alt}
        aria-describedby={`${id}-caption`}
        {...(svg ? { dangerouslySetInnerHTML: { __html: svg } } : {})}
      >
        {svg ? undefined : failed ? <Text>The chart could not be drawn ({failed}); its figures are under “Show data”.</Text> : <Text className={s.caption}>{seen ? "Drawing the chart…" : ""}</Text>}
      </div>
      <figcaption id={`${id}-caption`} className={s.caption}>
        {d.caption} Source: {d.source}
      </figcaption>
      <div>
        <Button size="small" appearance="subtle" aria-expanded={showData} aria-controls={`${id}-data`} onClick={() => setShowData((v) => !v)}>
          {showData ? "Hide data" : "Show data"}
        </Button>
      </div>
      {showData && <ChartData d={d} id={`${id}-data`} />}
    </figure>
  );
}
