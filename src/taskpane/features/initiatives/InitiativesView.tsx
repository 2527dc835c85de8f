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
      <WriteStatus write={write} what={AROI_WRITE} onCancel={onCancel} />
      {aroi?.kind === "missing" && hasTable && <Text size={200}>The Initiatives table is no longer in the workbook. Read the workbook again.</Text>}
      {aroi?.kind === "problems" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Fix the Initiatives tables first</MessageBarTitle>
            <ul className={s.problems}>
              {aroi.errors.map((e, k) => (
                <li key={k}>{formatError(e)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {aroi?.kind === "ok" && analysis && (
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
                {[...analysis.warnings, ...aroi.unknownOverrides.map((n) => `A saved action for "${n}" is kept but no initiative has that name now.`)].join(" ")}
              </MessageBarBody>
            </MessageBar>
          )}
          {analysis.results.length > 0 && (
            <Accordion multiple collapsible defaultOpenItems={["ranked"]}>
              <AccordionItem value="ranked">
                <AccordionHeader>Ranked inventory</AccordionHeader>
                <AccordionPanel>
                  <Text className={s.note} as="p">
                    Ranked by A-ROI = learning gain × students served ÷ total cost (direct + staff time + indirect). Change an action to record
                    your decision; it is saved in the workbook.
                  </Text>
                  <ol className={s.list} aria-label="Ranked initiatives">
                    {analysis.results.map((r) => (
                      <InitiativeCard key={`${r.name}:${r.sheetRow}`} result={r} unit={analysis.unit} disabled={busy} onOverride={onOverride} />
                    ))}
                  </ol>
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="coverage">
                <AccordionHeader>Data coverage</AccordionHeader>
                <AccordionPanel>
                  <CoveragePanel analysis={analysis} />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="breakdown">
                <AccordionHeader>Breakdowns</AccordionHeader>
                <AccordionPanel>
                  <BreakdownPanel analysis={analysis} />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="segments">
                <AccordionHeader>Segments</AccordionHeader>
                <AccordionPanel>
                  <SegmentsPanel analysis={analysis} />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="feedback">
                <AccordionHeader>Principal feedback</AccordionHeader>
                <AccordionPanel>
                  <FeedbackPanel analysis={analysis} />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="whatif">
                <AccordionHeader>What-if: sunset → expand</AccordionHeader>
                <AccordionPanel>
                  <WhatIfPanel analysis={analysis} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          )}
        </>
      )}
    </section>
  );
}
