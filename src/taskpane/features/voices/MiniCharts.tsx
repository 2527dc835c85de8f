/**
 * Light charts for the Voices and Benchmark views, drawn from the same chart descriptions as the sheets' native charts
 * and the board pack (src/report/charts/voices.ts): diverging stacked bars and a dot plot, in plain HTML so that the
 * pane's first script stays small. Each is one image for screen readers, labelled with the description's text
 * alternative.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ChartDescription } from "../../../report/charts/types";

const TONES = {
  "Strongly disagree": tokens.colorPaletteRedBackground3,
  Disagree: tokens.colorPaletteMarigoldBackground3,
  Agree: tokens.colorPaletteTealBackground2,
  "Strongly agree": tokens.colorPaletteGreenBackground3,
} as Record<string, string>;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "grid", gridTemplateColumns: "minmax(80px, 30%) 1fr", alignItems: "center", columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  track: { position: "relative", height: "14px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  zero: { position: "absolute", left: "50%", top: "-2px", bottom: "-2px", width: "1px", backgroundColor: tokens.colorNeutralForeground3 },
  seg: { position: "absolute", top: 0, bottom: 0 },
  dot: { position: "absolute", top: "1px", width: "12px", height: "12px", marginLeft: "-6px", borderRadius: "50%" },
  band: { position: "absolute", top: "5px", height: "4px", backgroundColor: tokens.colorNeutralStroke1 },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px", verticalAlign: "middle" },
  caption: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

/** Shares answering 1–4 around zero: disagreement left, agreement right (values in percent points, disagree negative). */
export function DivergingBars({ d }: { d: ChartDescription }) {
  const s = useStyles();
  const order = [2, 1, 3, 4]; // strongly disagree outermost left, then disagree, agree, strongly agree
  return (
    <figure className={s.figure} role="img" aria-label={d.alt}>
      {d.rows.map((row) => {
        const v = (k: number) => Math.abs(typeof row[k] === "number" ? (row[k] as number) : 0);
        const shown = row.slice(1, 5).some((x) => x !== null);
        let left = 50 - (v(1) + v(2)) / 2;
        return (
          <div key={String(row[0])} className={s.row} aria-hidden>
            <span>{String(row[0])}</span>
            <div className={s.track} title={shown ? `${row[0]}: ${Math.round(v(3) + v(4))}% agree, ${Math.round(v(1) + v(2))}% disagree` : `${row[0]}: too few answers to show`}>
              {shown &&
                order.map((k) => {
                  const width = v(k) / 2;
                  const el = <span key={k} className={s.seg} style={{ left: `${left}%`, width: `${width}%`, backgroundColor: TONES[d.columns[k].header] }} />;
                  left += width;
                  return el;
                })}
              <span className={s.zero} />
            </div>
          </div>
        );
      })}
      <div className={s.legend} aria-hidden>
        {[2, 1, 3, 4].map((k) => (
          <span key={k}>
            <span className={s.swatch} style={{ backgroundColor: TONES[d.columns[k].header] }} />
            {d.columns[k].header}
          </span>
        ))}
      </div>
      <figcaption className={s.caption}>{d.caption}</figcaption>
    </figure>
  );
}

/** One row per function: the peers' 25th–75th percentile band, their median and the district, on one $ scale. */
export function DotPlot({ d }: { d: ChartDescription }) {
  const s = useStyles();
  const nums = d.rows.flatMap((r) => r.slice(2, 6).filter((x): x is number => typeof x === "number"));
  const hi = Math.max(1, ...nums) * 1.05;
  const at = (x: unknown) => (typeof x === "number" ? `${(x / hi) * 100}%` : null);
  return (
    <figure className={s.figure} role="img" aria-label={d.alt}>
      {d.rows.map((row) => (
        <div key={String(row[0])} className={s.row} aria-hidden>
          <span>{String(row[0])}</span>
          <div className={s.track}>
            {typeof row[3] === "number" && typeof row[5] === "number" && <span className={s.band} style={{ left: at(row[3]) ?? "0", width: `${((row[5] - row[3]) / hi) * 100}%` }} />}
            {at(row[4]) && <span className={s.dot} style={{ left: at(row[4]) as string, backgroundColor: tokens.colorBrandBackground }} title={`Peer median ${row[4]}`} />}
            {at(row[2]) && <span className={s.dot} style={{ left: at(row[2]) as string, backgroundColor: tokens.colorPaletteDarkOrangeBackground3 }} title={`District ${row[2]}`} />}
          </div>
        </div>
      ))}
      <div className={s.legend} aria-hidden>
        <span>
          <span className={s.swatch} style={{ backgroundColor: tokens.colorPaletteDarkOrangeBackground3 }} />
          District
        </span>
        <span>
          <span className={s.swatch} style={{ backgroundColor: tokens.colorBrandBackground }} />
          Peer median
        </span>
        <span>
          <span className={s.swatch} style={{ backgroundColor: tokens.colorNeutralStroke1 }} />
          Peers' 25th–75th percentile
        </span>
      </div>
      <figcaption className={s.caption}>{d.caption}</figcaption>
    </figure>
  );
}
