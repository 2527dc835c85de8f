import { useCallback, useRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { OpportunityStatus } from "../../../analysis/plan";
import { savedChoiceUnmatchedText } from "../../../words/savedChoice";
import type { InputError } from "../../../engine/types";
import { PANE_MAX_YEARS, PLANNING_WRITE, parseYears, type PlanningOutcome } from "./records";
import type { WriteState } from "../../store/types";
import type { PlanningLib } from "./state";
import { CommitInput } from "../../ui/CommitInput";
import { WarningList } from "../../ui/WarningList";
import { WriteStatus } from "../../ui/WriteStatus";
import { column, heading, note, bulletList } from "../../ui/styles";
import { ProblemList } from "../../ui/ProblemList";

const useStyles = makeStyles({
  root: column,
  h: heading,
  actions: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  years: { width: "7.5em" },
  problems: bulletList,
  note,
});

export interface PlanningViewProps {
  /** The planning tables present in the workbook as last read (Budget Lines, Opportunities, Projections). */
  tables: string[];
  /** Null until "Analyse planning". */
  outcome: PlanningOutcome | null;
  lib: PlanningLib | null;
  analysing: boolean;
  /** Years typed in the pane (null = the Policy's Plan Years). */
  years: number | null;
  /** The Policy's Plan Years (within the pane's limit), shown in the empty Years box. */
  policyYears: number;
  write: WriteState;
  /** Reading or writing: actions wait. */
  busy: boolean;
  locate: (e: InputError) => { sheet: string; address: string } | null;
  onSelectProblem: (e: InputError) => void;
  onAnalyse: () => void;
  onYears: (years: number | null) => void;
  onStatus: (name: string, status: OpportunityStatus | null) => void;
  onWrite: () => void;
  onCancel: () => void;
}

type Ok = Extract<PlanningOutcome, { kind: "ok" }>;

/** A stable callback for the memoised panels (the pane passes a new arrow on every render). */
function useStableStatus(onStatus: PlanningViewProps["onStatus"]) {
  const ref = useRef(onStatus);
  ref.current = onStatus;
  return useCallback((name: string, status: OpportunityStatus | null) => ref.current(name, status), []);
}

/** The Years box, Analyse planning, Write planning sheets (once analysed) and the reading spinner. */
function PlanningActions({ p, ok }: { p: PlanningViewProps; ok: Ok | null }) {
  const s = useStyles();
  const running = p.write.phase === "running";
  const shownYears = p.years ?? ok?.years ?? null;
  return (
    <div className={s.actions}>
      <CommitInput
        className={s.years}
        label="Years"
        value={shownYears === null ? "" : String(shownYears)}
        placeholder={String(p.policyYears)}
        hint={`1 to ${PANE_MAX_YEARS}; blank: the Policy's ${p.policyYears}`}
        commit={(text) => {
          if (text.trim() === "") {
            p.onYears(null);
            return null;
          }
          const r = parseYears(text);
          if (!r.ok) return r.message;
          p.onYears(r.value);
          return null;
        }}
      />
      <Button appearance={ok ? "secondary" : "primary"} disabled={p.busy || p.analysing} onClick={p.onAnalyse}>
        Analyse planning
      </Button>
      {ok && (
        <Button disabled={p.busy || running} onClick={p.onWrite}>
          Write planning sheets
        </Button>
      )}
      {p.analysing && <Spinner size="tiny" label="Reading the planning tables" />}
    </div>
  );
}

/** The located problems in the planning tables, each a link to its cell when it has one. */
function PlanningProblems({ errors, locate, onSelectProblem }: { errors: InputError[]; locate: PlanningViewProps["locate"]; onSelectProblem: (e: InputError) => void }) {
  const s = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Fix the planning tables first</MessageBarTitle>
        Nothing can be planned or written until {errors.length === 1 ? "this problem is" : `these ${errors.length} problems are`} fixed.
        <ProblemList className={s.problems} aria-label="Planning problems" problems={errors} locate={locate} onSelectProblem={onSelectProblem} />
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Planning (issue 8): the budget tree and cost drivers, the savings screener, the multi-year plan and the shadow
 * notice, from the optional planning tables next to the pane's decisions.
 */
export function PlanningView(p: PlanningViewProps) {
  const s = useStyles();
  const ok = p.outcome?.kind === "ok" ? p.outcome : null;
  const Panels = p.lib?.PlanningPanels ?? null;
  const onStatus = useStableStatus(p.onStatus);
  const notes = ok ? [...ok.warnings, ...ok.unknownStatuses.map((n) => savedChoiceUnmatchedText("status", n))] : [];
  return (
    <section className={s.root} aria-labelledby="sfs-planning">
      <h2 id="sfs-planning" className={s.h}>
        Planning
      </h2>
      <Text size={200}>
        {p.tables.length > 0
          ? `From ${p.tables.join(", ")} and the Policy's planning settings, with the decisions made in this pane.`
          : "The multi-year plan and the shadow notice need only the allocation tables; add Budget Lines, Opportunities and Projections for the budget tree, the savings screener and your own projections."}
      </Text>
      <PlanningActions p={p} ok={ok} />
      {ok && ok.policyYears > PANE_MAX_YEARS && p.years === null && (
        <Text className={s.note}>
          The Policy asks for {ok.policyYears} years; the pane plans at most {PANE_MAX_YEARS} (the command line `sfs plan` plans them all).
        </Text>
      )}
      <WriteStatus write={p.write} what={PLANNING_WRITE} onCancel={p.onCancel} />
      {p.outcome?.kind === "problems" && <PlanningProblems errors={p.outcome.errors} locate={p.locate} onSelectProblem={p.onSelectProblem} />}
      {p.outcome?.kind === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The plan could not be computed</MessageBarTitle>
            {p.outcome.message} Nothing was written.
          </MessageBarBody>
        </MessageBar>
      )}
      <WarningList title="About this plan" warnings={notes} />
      {ok && Panels && <Panels outcome={ok} disabled={p.busy} onStatus={onStatus} />}
    </section>
  );
}
