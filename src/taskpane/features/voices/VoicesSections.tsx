import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ReadinessAnalysis } from "../../../analysis/readiness";
import type { SurveyAnalysis } from "../../../analysis/survey";
import { readinessChart, surveyComponentChart, surveyRoleChart } from "../../../report/charts/voices";
import { readinessReadingText } from "../../../words/readiness";
import { pointsText, surveyFlagText, surveyReadingText } from "../../../words/survey";
import { bulletList, note, num, scrollX, subheading } from "../../ui/styles";
import { DivergingBars } from "./MiniCharts";

const useStyles = makeStyles({
  h3: subheading,
  note,
  list: bulletList,
  scroll: scrollX,
  num,
  flag: { color: tokens.colorPaletteRedForeground1 },
});

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** The survey's flags, when there are any. */
function SurveyFlags({ a }: { a: SurveyAnalysis }) {
  const s = useStyles();
  if (a.flags.length === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Flags</MessageBarTitle>
        <ul className={s.list} aria-label="Survey flags">
          {a.flags.map(surveyFlagText).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The latest wave by component: answers, mean (low means flagged), agree and its change since the wave before. */
function ComponentTable({ a, last }: { a: SurveyAnalysis; last: string }) {
  const s = useStyles();
  return (
    <div className={s.scroll} tabIndex={0} role="region" aria-label="Survey by component (scrolls sideways)">
      <Table size="small" aria-label="Survey by component">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Component</TableHeaderCell>
            <TableHeaderCell className={s.num}>Answers</TableHeaderCell>
            <TableHeaderCell className={s.num}>Mean</TableHeaderCell>
            <TableHeaderCell className={s.num}>Agree</TableHeaderCell>
            <TableHeaderCell className={s.num}>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {a.byComponent
            .filter((x) => x.wave === last)
            .map((x) => {
              const ch = a.change.find((c) => c.component === x.component && c.to === x.wave);
              const low = x.mean !== null && x.mean < 2.5;
              return (
                <TableRow key={x.component}>
                  <TableCell>{x.component}</TableCell>
                  <TableCell className={s.num}>{x.n}</TableCell>
                  <TableCell className={low ? mergeClasses(s.num, s.flag) : s.num}>{x.mean === null ? `fewer than ${a.minimumGroup}` : x.mean.toFixed(2)}</TableCell>
                  <TableCell className={s.num}>{x.suppressed ? "—" : pct(x.agree)}</TableCell>
                  <TableCell className={s.num}>{ch && ch.agreeChange !== null ? pointsText(ch.agreeChange) : "—"}</TableCell>
                </TableRow>
              );
            })}
        </TableBody>
      </Table>
    </div>
  );
}

/** What the survey says: answers and waves, readings, flags, the latest wave by component and by role. */
export function SurveyResults({ a }: { a: SurveyAnalysis }) {
  const s = useStyles();
  const last = a.waves[a.waves.length - 1];
  const byComponent = surveyComponentChart(a);
  const byRole = surveyRoleChart(a);
  return (
    <>
      <Text size={200} className={s.note}>
        {a.answers.toLocaleString("en-US")} answers in {a.waves.length} wave(s): {a.waves.join(", ")}. Groups under {a.minimumGroup} answers are not shown.
      </Text>
      <ul className={s.list} aria-label="What the survey says">
        {a.readings.map(surveyReadingText).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <SurveyFlags a={a} />
      <h3 className={s.h3}>By component, {last}</h3>
      <ComponentTable a={a} last={last} />
      {byComponent && <DivergingBars d={byComponent} />}
      {byRole && (
        <>
          <h3 className={s.h3}>By role, {last}</h3>
          <DivergingBars d={byRole} />
        </>
      )}
    </>
  );
}

/** The readiness inventory: each area's rating, the weakest items and the readings. */
export function ReadinessResults({ r }: { r: ReadinessAnalysis }) {
  const s = useStyles();
  const readinessBars = readinessChart(r);
  return (
    <>
      <h3 className={s.h3}>Readiness inventory</h3>
      <ul className={s.list} aria-label="Readiness by area">
        {r.areas.map((x) => (
          <li key={x.area}>
            {x.area}: {x.mean === null ? "not rated" : `${x.mean.toFixed(1)} of 4`} ({x.rated} of {x.questions} rated
            {x.survey.length ? `; survey: ${x.survey.map((y) => `${y.component} ${pct(y.agree)} agree`).join(", ")}` : ""})
          </li>
        ))}
      </ul>
      {readinessBars && <Text size={200} className={s.note}>{readinessBars.alt}</Text>}
      {r.weakest.length > 0 && (
        <>
          <h3 className={s.h3}>Weakest items</h3>
          <ul className={s.list} aria-label="Weakest readiness items">
            {r.weakest.map((x) => (
              <li key={`${x.area}-${x.question}`}>
                {x.rating} · {x.question} — {x.evidence || "no evidence given"}; owner: {x.owner || "none named"}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className={s.list}>
        {r.readings.map(readinessReadingText).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
