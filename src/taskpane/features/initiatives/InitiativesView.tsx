import type { ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AroiChart } from "../../charts/Charts";
import { ACTIONS, ACTION_LABELS, type Override } from "../../../analysis/aroi";
import { formatError } from "../../../words/errors";
import { aroiWarningText, savedChoiceUnmatchedText } from "../../../words/aroi";
import { money } from "../../ui/format";
import type { WriteState } from "../../store/types";
import { AROI_WRITE, type AroiOutcome } from "./overrides";
import { BreakdownPanel, CoveragePanel, FeedbackPanel, SegmentsPanel, WhatIfPanel } from "./AroiPanels";
import { InitiativeCard } from "./InitiativeCard";
import { countText } from "../../ui/numbers";
import { WriteStatus } from "../../ui/WriteStatus";
import { column, heading, actionRow, note } from "../../ui/styles";

const useStyles = makeStyles({
  root: column,
  h: heading,
  actions: actionRow,
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  note,
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface InitiativesViewProps {
  /** The workbook (as last read) has an Initiatives table. */
  hasTable: boolean;
  /** Null until "Analyse initiatives". */
  aroi: AroiOutcome | null;
  write: WriteState;
  /** Reading or writing: actions wait. */
  busy: boolean;
  onAnalyse: () => void;
  onInsertTemplate: () => void;
  onOverride: (name: string, override: Override | null) => void;
  onWrite: () => void;
  onCancel: () => void;
}

type Ok = Extract<AroiOutcome, { kind: "ok" }>;
type Analysis = Ok["analysis"];

/** Analyse, Insert the template (when there is no table) and Write (once analysed). */
function InitiativesActions({ hasTable, analysis, busy, running, onAnalyse, onInsertTemplate, onWrite }: Pick<InitiativesViewProps, "hasTable" | "busy" | "onAnalyse" | "onInsertTemplate" | "onWrite"> & { analysis: Analysis | null; running: boolean }) {
  const s = useStyles();
  return (
    <div className={s.actions}>
      <Button appearance={analysis ? "secondary" : "primary"} disabled={!hasTable || busy} onClick={onAnalyse}>
        Analyse initiatives
      </Button>
      {!hasTable && (
        <Button disabled={busy} onClick={onInsertTemplate}>
          Insert initiatives template
        </Button>
      )}
      {analysis && (
        <Button disabled={busy || running || analysis.results.length === 0} onClick={onWrite}>
          Write A-ROI sheets
        </Button>
      )}
    </div>
  );
}

/** The problems in the Initiatives tables. */
function InitiativesProblems({ errors }: { errors: Extract<AroiOutcome, { kind: "problems" }>["errors"] }) {
  const s = useStyles();
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>Fix the Initiatives tables first</MessageBarTitle>
        <ul className={s.problems}>
          {errors.map((e, k) => (
            <li key={k}>{formatError(e)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The inventory in a line (or that it is empty), the chart, and the analysis's warnings. */
function AnalysisSummary({ aroi, analysis }: { aroi: Ok; analysis: Analysis }) {
  return (
    <>
      {analysis.results.length === 0 ? (
        <Text size={200}>The Initiatives table has no rows yet. Add one row per initiative, then analyse again.</Text>
      ) : (
        <Text size={200}>
          {analysis.totals.initiatives} initiatives, {money(analysis.totals.cost)} in all, {countText(analysis.totals.students)} students served;{" "}
          {analysis.totals.withAroi} with an A-ROI (learning gain in {analysis.unit}).{" "}
          {ACTIONS.filter((a) => analysis.actionCounts[a] > 0)
            .map((a) => `${ACTION_LABELS[a]} ${analysis.actionCounts[a]}`)
            .join(" · ")}
        </Text>
      )}
      <AroiChart analysis={analysis} />
      {(analysis.warnings.length > 0 || aroi.unknownOverrides.length > 0) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {[...analysis.warnings.map(aroiWarningText), ...aroi.unknownOverrides.map((n) => savedChoiceUnmatchedText("action", n))].join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** One section of the analysis, open or closed. */
function Section({ value, title, children }: { value: string; title: string; children: ReactNode }) {
  return (
    <AccordionItem value={value}>
      <AccordionHeader>{title}</AccordionHeader>
      <AccordionPanel>{children}</AccordionPanel>
    </AccordionItem>
  );
}

/** The analysis's sections: the ranked inventory (open at first) with each initiative's action, then the panels. */
function AnalysisSections({ analysis, busy, onOverride }: { analysis: Analysis; busy: boolean; onOverride: InitiativesViewProps["onOverride"] }) {
  const s = useStyles();
  return (
    <Accordion multiple collapsible defaultOpenItems={["ranked"]}>
      <Section value="ranked" title="Ranked inventory">
        <Text className={s.note} as="p">
          Ranked by A-ROI = learning gain × students served ÷ total cost (direct + staff time + indirect). Change an action to record
          your decision; it is saved in the workbook.
        </Text>
        <ol className={s.list} aria-label="Ranked initiatives">
          {analysis.results.map((r) => (
            <InitiativeCard key={`${r.name}:${r.sheetRow}`} result={r} unit={analysis.unit} disabled={busy} onOverride={onOverride} />
          ))}
        </ol>
      </Section>
      <Section value="coverage" title="Data coverage">
        <CoveragePanel analysis={analysis} />
      </Section>
      <Section value="breakdown" title="Breakdowns">
        <BreakdownPanel analysis={analysis} />
      </Section>
      <Section value="segments" title="Segments">
        <SegmentsPanel analysis={analysis} />
      </Section>
      <Section value="feedback" title="Principal feedback">
        <FeedbackPanel analysis={analysis} />
      </Section>
      <Section value="whatif" title="What-if: sunset → expand">
        <WhatIfPanel analysis={analysis} />
      </Section>
    </Accordion>
  );
}

/** Initiatives: A-ROI analysis of the inventory, with the user's own actions and the written sheets. */
export function InitiativesView({ hasTable, aroi, write, busy, onAnalyse, onInsertTemplate, onOverride, onWrite, onCancel }: InitiativesViewProps) {
  const s = useStyles();
  const running = write.phase === "running";
  const analysis = aroi && aroi.kind === "ok" ? aroi.analysis : null;
  return (
    <section className={s.root} aria-labelledby="sfs-initiatives">
      <h2 id="sfs-initiatives" className={s.h}>
        Initiatives (A-ROI)
      </h2>
      {!hasTable && (
        <Text size={200}>
          This workbook has no Initiatives table. Insert the template (Initiatives and Initiative Segments, headers only), fill in one row per
          initiative, then analyse.
        </Text>
      )}
      <InitiativesActions hasTable={hasTable} analysis={analysis} busy={busy} running={running} onAnalyse={onAnalyse} onInsertTemplate={onInsertTemplate} onWrite={onWrite} />
      <WriteStatus write={write} what={AROI_WRITE} onCancel={onCancel} />
      {aroi?.kind === "missing" && hasTable && <Text size={200}>The Initiatives table is no longer in the workbook. Read the workbook again.</Text>}
      {aroi?.kind === "problems" && <InitiativesProblems errors={aroi.errors} />}
      {aroi?.kind === "ok" && analysis && (
        <>
          <AnalysisSummary aroi={aroi} analysis={analysis} />
          {analysis.results.length > 0 && <AnalysisSections analysis={analysis} busy={busy} onOverride={onOverride} />}
        </>
      )}
    </section>
  );
}
