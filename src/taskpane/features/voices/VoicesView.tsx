import {
  Button,
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
import { pointsText } from "../../../analysis/survey";
import { formatError } from "../../../words/errors";
import type { InputError } from "../../../engine/types";
import { readinessChart, surveyComponentChart, surveyRoleChart } from "../../../report/charts/voices";
import type { WriteState } from "../../store/types";
import { actionRow, bulletList, column, heading, note, num, scrollX, subheading } from "../../ui/styles";
import { WriteOutcome } from "../../ui/WriteStatus";
import { VOICES_WRITE, type VoicesData } from "./analyse";
import { DivergingBars } from "./MiniCharts";


const useStyles = makeStyles({
  root: column,
  h: heading,
  h3: subheading,
  actions: actionRow,
  note,
  list: bulletList,
  scroll: scrollX,
  num,
  flag: { color: tokens.colorPaletteRedForeground1 },
});

export interface ProblemsProps {
  errors: InputError[];
  title: string;
  onSelect: (e: InputError) => void;
}

/** Located input problems, each a link to its cell. */
export function Problems({ errors, title, onSelect }: ProblemsProps) {
  const s = useStyles();
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={s.list} aria-label={title}>
          {errors.map((e, i) => (
            <li key={i}>
              {e.cell ? (
                <Button appearance="transparent" size="small" onClick={() => onSelect(e)}>
                  {formatError(e)}
                </Button>
              ) : (
                formatError(e)
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export interface VoicesViewProps {
  data: VoicesData;
  write: WriteState;
  busy: boolean;
  problem: string | null;
  onInsertTemplate: () => void;
  onWrite: () => void;
  onCancel: () => void;
  onSelectProblem: (e: InputError) => void;
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** Voices: what stakeholders say (survey, Tier 1) and how ready the district is (readiness inventory, Tier 2). */
export function VoicesView({ data, write, busy, problem, onInsertTemplate, onWrite, onCancel, onSelectProblem }: VoicesViewProps) {
  const s = useStyles();
  const a = data.survey.result;
  const r = data.readiness.result;
  const last = a ? a.waves[a.waves.length - 1] : null;
  const byComponent = a ? surveyComponentChart(a) : null;
  const byRole = a ? surveyRoleChart(a) : null;
  const readinessBars = r ? readinessChart(r) : null;
  const running = write.phase === "running";
  return (
    <section className={s.root} aria-labelledby="sfs-voices">
      <h2 id="sfs-voices" className={s.h}>
        Voices
      </h2>
      {!data.survey.present && (
        <Text size={200}>
          No Survey Responses table yet. Insert the survey template: example statements for each component (equity, transparency, autonomy, efficiency,
          accountability, community engagement, innovation), an empty responses table (one row per answer, 1 = strongly disagree … 4 = strongly agree) and the
          readiness inventory for district officials.
        </Text>
      )}
      {(!data.survey.present || !data.readiness.present) && (
        <div className={s.actions}>
          <Button onClick={onInsertTemplate} disabled={busy || running}>
            Insert survey template
          </Button>
        </div>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Problems errors={data.survey.errors} title="Survey tables: fix these to see the results" onSelect={onSelectProblem} />
      {data.survey.present && !a && data.survey.errors.length === 0 && <Text size={200}>The Survey Responses table has no answers yet.</Text>}
      {a && (
        <>
          <Text size={200} className={s.note}>
            {a.answers.toLocaleString("en-US")} answers in {a.waves.length} wave(s): {a.waves.join(", ")}. Groups under {a.minimumGroup} answers are not shown.
          </Text>
          <ul className={s.list} aria-label="What the survey says">
            {a.readings.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {a.flags.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Flags</MessageBarTitle>
                <ul className={s.list} aria-label="Survey flags">
                  {a.flags.map((f) => (
                    <li key={f.text}>{f.text}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <h3 className={s.h3}>By component, {last}</h3>
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
          {byComponent && <DivergingBars d={byComponent} />}
          {byRole && (
            <>
              <h3 className={s.h3}>By role, {last}</h3>
              <DivergingBars d={byRole} />
            </>
          )}
        </>
      )}
      <Problems errors={data.readiness.errors} title="Readiness table: fix these to see the inventory" onSelect={onSelectProblem} />
      {r && (
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
            {r.readings.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {(a || r) && (
        <div className={s.actions}>
          <Button appearance="primary" onClick={onWrite} disabled={busy || running}>
            Write survey sheets
          </Button>
        </div>
      )}
      {write.phase !== "idle" && write.what === VOICES_WRITE && <WriteOutcome write={write} onCancel={onCancel} />}
    </section>
  );
}
