import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles } from "@fluentui/react-components";
import { formatError } from "../../../words/errors";
import type { InputError } from "../../../engine/types";
import type { WriteState } from "../../store/types";
import { actionRow, bulletList, column, heading } from "../../ui/styles";
import { WriteOutcome } from "../../ui/WriteStatus";
import { VOICES_WRITE, type VoicesData } from "./analyse";
import { ReadinessResults, SurveyResults } from "./VoicesSections";

const useStyles = makeStyles({
  root: column,
  h: heading,
  actions: actionRow,
  list: bulletList,
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

/** No survey yet: what the template holds, and the button that inserts it (while the readiness table is missing too). */
function TemplateStart({ data, disabled, onInsertTemplate }: { data: VoicesData; disabled: boolean; onInsertTemplate: () => void }) {
  const s = useStyles();
  return (
    <>
      {!data.survey.present && (
        <Text size={200}>
          No Survey Responses table yet. Insert the survey template: example statements for each component (equity, transparency, autonomy, efficiency,
          accountability, community engagement, innovation), an empty responses table (one row per answer, 1 = strongly disagree … 4 = strongly agree) and the
          readiness inventory for district officials.
        </Text>
      )}
      {(!data.survey.present || !data.readiness.present) && (
        <div className={s.actions}>
          <Button onClick={onInsertTemplate} disabled={disabled}>
            Insert survey template
          </Button>
        </div>
      )}
    </>
  );
}

/** Voices: what stakeholders say (survey, Tier 1) and how ready the district is (readiness inventory, Tier 2). */
export function VoicesView({ data, write, busy, problem, onInsertTemplate, onWrite, onCancel, onSelectProblem }: VoicesViewProps) {
  const s = useStyles();
  const a = data.survey.result;
  const r = data.readiness.result;
  const running = write.phase === "running";
  return (
    <section className={s.root} aria-labelledby="sfs-voices">
      <h2 id="sfs-voices" className={s.h}>
        Voices
      </h2>
      <TemplateStart data={data} disabled={busy || running} onInsertTemplate={onInsertTemplate} />
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Problems errors={data.survey.errors} title="Survey tables: fix these to see the results" onSelect={onSelectProblem} />
      {data.survey.present && !a && data.survey.errors.length === 0 && <Text size={200}>The Survey Responses table has no answers yet.</Text>}
      {a && <SurveyResults a={a} />}
      <Problems errors={data.readiness.errors} title="Readiness table: fix these to see the inventory" onSelect={onSelectProblem} />
      {r && <ReadinessResults r={r} />}
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
