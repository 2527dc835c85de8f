import { useState } from "react";
import {
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { QUADRANTS, type AroiAnalysis, type CoverageCount } from "../../../analysis/aroi";
import { concentrationText, feedbackQuadrantText, missingDataText, whatIfText } from "../../../words/aroi";
import { money, percent } from "../../ui/format";
import { aroiNumber, countText, plainNumber } from "../../ui/numbers";
import { column, subheading, note, scrollX, num } from "../../ui/styles";

const useStyles = makeStyles({
  col: column,
  wrap: scrollX,
  num,
  note,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  h: subheading,
  none: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

function per1000Text(x: number | null): string {
  return x === null ? "no outcome data" : aroiNumber(x);
}

/** How many initiatives have cost, outcome and segment data, and what each one lacks. */
export function CoveragePanel({ analysis }: { analysis: AroiAnalysis }) {
  const s = useStyles();
  const c = analysis.coverage;
  const rows: [string, CoverageCount][] = [
    ["Cost data", c.cost],
    ["Outcome data", c.outcome],
    ["Segment data", c.segments],
    ["All three", c.all],
  ];
  const lacking = c.items.filter((i) => i.missing.length > 0);
  return (
    <div className={s.col}>
      <div className={s.wrap}>
        <Table size="extra-small" aria-label="Data coverage">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Data</TableHeaderCell>
              <TableHeaderCell>Initiatives</TableHeaderCell>
              <TableHeaderCell>Share of cost</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(([label, x]) => (
              <TableRow key={label}>
                <TableCell>{label}</TableCell>
                <TableCell className={s.num}>
                  {x.count} of {c.initiatives} ({percent(x.share)})
                </TableCell>
                <TableCell className={s.num}>
                  {money(x.cost)} ({percent(x.costShare)})
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {lacking.length === 0 ? (
        <Text className={s.note}>Every initiative has cost, outcome and segment data.</Text>
      ) : (
        <>
          <h4 className={s.h}>What is missing</h4>
          <ul className={s.list} aria-label="Missing data by initiative">
            {lacking.map((i) => (
              <li key={i.name}>
                <Text size={200}>
                  <strong>{i.name}</strong>: {i.missing.map(missingDataText).join("; ")}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Cost, students and cost-weighted A-ROI by Strategic Priority, Department, Target Population or School. */
export function BreakdownPanel({ analysis }: { analysis: AroiAnalysis }) {
  const s = useStyles();
  const [key, setKey] = useState(analysis.breakdowns[0]?.key ?? "strategicPriority");
  const b = analysis.breakdowns.find((x) => x.key === key) ?? analysis.breakdowns[0];
  if (!b) return null;
  return (
    <div className={s.col}>
      <Field label="Breakdown by" size="small">
        <Select size="small" value={b.key} onChange={(_, d) => setKey(d.value as typeof key)}>
          {analysis.breakdowns.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.wrap}>
        <Table size="extra-small" aria-label={`Initiatives by ${b.label}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{b.label}</TableHeaderCell>
              <TableHeaderCell>Cost</TableHeaderCell>
              <TableHeaderCell>Students</TableHeaderCell>
              <TableHeaderCell>A-ROI per $1,000</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {b.rows.map((r) => (
              <TableRow key={r.group}>
                <TableCell>
                  {r.group} <span className={s.note}>({r.initiatives})</span>
                </TableCell>
                <TableCell className={s.num}>{money(r.cost)}</TableCell>
                <TableCell className={s.num}>{countText(r.students)}</TableCell>
                <TableCell className={s.num}>{per1000Text(r.per1000)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text className={s.note}>
        A-ROI per $1,000 in {analysis.unit} × students, weighted by cost over the initiatives that have one. In brackets: number of initiatives.
        {b.key === "school" ? " An initiative in several schools has its cost and students split evenly among them." : ""}
      </Text>
    </div>
  );
}

/** Where each initiative with segment data works, and for whom. */
export function SegmentsPanel({ analysis }: { analysis: AroiAnalysis }) {
  const s = useStyles();
  if (analysis.segments.length === 0)
    return <Text className={s.note}>No initiative has rows in Initiative Segments, so there is nothing to say about where they work.</Text>;
  return (
    <div className={s.col}>
      {analysis.segments.map((a) => (
        <div key={a.initiative} className={s.col}>
          <h4 className={s.h}>{a.initiative}</h4>
          <div className={s.wrap}>
            <Table size="extra-small" aria-label={`Segments of ${a.initiative}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Segment</TableHeaderCell>
                  <TableHeaderCell>Students</TableHeaderCell>
                  <TableHeaderCell>Gain</TableHeaderCell>
                  <TableHeaderCell>Share of gain</TableHeaderCell>
                  <TableHeaderCell>A-ROI per $1,000</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {a.segments.map((x) => (
                  <TableRow key={x.segment}>
                    <TableCell>{x.segment}</TableCell>
                    <TableCell className={s.num}>{countText(x.students)}</TableCell>
                    <TableCell className={s.num}>{x.gain === null ? "no outcome data" : plainNumber(x.gain)}</TableCell>
                    <TableCell className={s.num}>{x.impactShare === null ? "—" : percent(x.impactShare)}</TableCell>
                    <TableCell className={s.num}>{x.per1000 === null ? (x.gain === null ? "no outcome data" : "no cost") : aroiNumber(x.per1000)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Text size={200}>{a.concentrated ? `Works mainly for one group: ${concentrationText(a.concentrated)}.` : "The gain is not concentrated in one segment."}</Text>
        </div>
      ))}
    </div>
  );
}

/** Principal feedback: importance × effectiveness, counted by quadrant. */
export function FeedbackPanel({ analysis }: { analysis: AroiAnalysis }) {
  const s = useStyles();
  const f = analysis.feedback;
  return (
    <div className={s.col}>
      <Text size={200}>
        Ratings on a 1–{f.scaleMax} scale; a rating above {plainNumber(f.middle)} counts as high. {f.points.length} initiative{f.points.length === 1 ? "" : "s"} rated on both.
      </Text>
      <ul className={s.list} aria-label="Principal feedback by quadrant">
        {QUADRANTS.map((q) => (
          <li key={q}>
            <Text size={200}>
              {feedbackQuadrantText(q)}: <strong>{f.quadrants[q]}</strong>
              {f.quadrants[q] > 0 ? ` (${f.points.filter((p) => p.quadrant === q).map((p) => p.name).join(", ")})` : ""}
            </Text>
          </li>
        ))}
      </ul>
      {f.unrated.length > 0 && <Text className={s.note}>Not rated on both: {f.unrated.join(", ")}.</Text>}
      {f.implemented && (
        <Text size={200}>
          Implemented: {f.implemented.yes} yes, {f.implemented.no} no{f.implemented.blank ? `, ${f.implemented.blank} blank` : ""}.
        </Text>
      )}
      {f.wanted && (
        <Text size={200}>
          Wanted where not yet in place: {f.wanted.yes} yes, {f.wanted.no} no{f.wanted.blank ? `, ${f.wanted.blank} blank` : ""}.
        </Text>
      )}
    </div>
  );
}

/** What sunsetting frees and how many more students the expand candidates could reach with it. */
export function WhatIfPanel({ analysis }: { analysis: AroiAnalysis }) {
  const s = useStyles();
  const w = analysis.whatIf;
  return (
    <div className={s.col}>
      <Text size={200}>{whatIfText(w)}</Text>
      {w.sunset.length > 0 && (
        <Text className={s.note}>
          Sunset: {w.sunset.map((x) => `${x.name} (${money(x.freed)})`).join(", ")}. Freed: {money(w.freed)}.
        </Text>
      )}
      {w.expand.length > 0 && (
        <div className={s.wrap}>
          <Table size="extra-small" aria-label="Expand candidates">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Expand</TableHeaderCell>
                <TableHeaderCell>Extra $</TableHeaderCell>
                <TableHeaderCell>Extra students</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {w.expand.map((x) => (
                <TableRow key={x.name}>
                  <TableCell>{x.name}</TableCell>
                  <TableCell className={s.num}>{money(x.extra)}</TableCell>
                  <TableCell className={s.num}>+{countText(x.extraStudents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {w.expand.length > 0 && w.freed > 0 && (
        <Text size={200}>
          In all: <strong>{countText(w.extraStudents)} more students</strong> reached, {money(w.unspent)} left over.
        </Text>
      )}
    </div>
  );
}
