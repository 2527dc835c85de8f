import {
  Button,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { formatError } from "../engine/errors";
import type { Host } from "../host/types";
import { PLANNING_WRITE } from "./planning/records";
import { AROI_WRITE, EQUITY_WRITE, useStudio, type WriteState } from "./useStudio";
import { CalculatorsView } from "./views/CalculatorsView";
import { EquityView } from "./views/EquityView";
import { Header } from "./views/Header";
import { InitiativesView } from "./views/InitiativesView";
import { InputsView } from "./views/InputsView";
import { PlanningView } from "./views/PlanningView";
import { ResultsView } from "./views/ResultsView";
import { ScenariosView } from "./views/ScenariosView";
import { WarningList } from "./views/WarningList";
import { WriteView } from "./views/WriteView";

export const REQUIRED_TABLES = ["Schools", "Enrollment", "Weights", "Revenue"];
/** The optional tables the Planning section reads besides the allocation tables. */
export const PLANNING_TABLES = ["Budget Lines", "Opportunities", "Projections"];

/** Writes shown next to their own buttons (A-ROI, equity, planning) rather than in the Workbook section. */
function ownSectionWrite(w: WriteState): boolean {
  return w.phase !== "idle" && (w.what === AROI_WRITE || w.what === EQUITY_WRITE || w.what === PLANNING_WRITE);
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: "720px",
    minWidth: 0,
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    // Views adapt to the pane's width (350 px in Excel, wider when projected) with container queries.
    containerType: "inline-size",
    containerName: "sfs-pane",
    // Fluent's tables lay columns out at equal fixed widths, which cuts long amounts off in a narrow pane:
    // size columns by their content instead (numbers never wrap; names and words do).
    "& table": { tableLayout: "auto" },
    "& th, & td": { overflowWrap: "break-word" },
    // Fields side by side share the width: a long option text or an input's default size never pushes one past the pane.
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Input, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input > input, & .fui-Select > select": { minWidth: 0, textOverflow: "ellipsis" },
  },
  allocate: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  host: Host;
  /** Follows Office's theme when the entry point can tell (default light). */
  theme?: "light" | "dark";
}

export function App({ host, theme = "light" }: AppProps) {
  const s = useStyles();
  const studio = useStudio(host);
  const st = studio.state;
  const writing = st.write.phase === "running";
  const busy = st.reading || writing;
  const hasInitiatives = (st.status ?? []).some((t) => t.found && t.name.toLowerCase() === "initiatives");
  const anyTable = (st.status ?? []).some((t) => t.found);
  const planningTables = PLANNING_TABLES.filter((n) => (st.planTables ?? st.tables)[n.toLowerCase()] !== undefined);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={s.provider}>
      <main className={s.main} aria-label="School Funding Studio">
        <Header reading={st.reading} status={st.status} required={REQUIRED_TABLES} capabilities={st.capabilities} onRead={() => void studio.read()} />
        {st.notice && (
          <MessageBar intent={st.notice.intent}>
            <MessageBarBody>
              <MessageBarTitle>{st.notice.title}</MessageBarTitle>
              {st.notice.text}
            </MessageBarBody>
            <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Dismiss message" onClick={studio.dismissNotice}>✕</Button>} />
          </MessageBar>
        )}
        {st.status && (
          <InputsView
            status={st.status}
            required={REQUIRED_TABLES}
            problems={st.problems}
            busy={busy}
            locate={studio.locate}
            onSelectProblem={(e) => void studio.selectProblem(e)}
            onInsertSample={() => void studio.insertSample()}
            onInsertBlank={() => void studio.insertBlank()}
          />
        )}
        <WarningList warnings={st.warnings} />
        {st.district && (
          <div className={s.allocate}>
            <Button appearance="primary" onClick={studio.runAllocation} disabled={busy}>
              Allocate
            </Button>
            {!st.allocation && <Text size={200}>The inputs are valid. Allocate to see each school's budget.</Text>}
          </div>
        )}
        {st.district && st.allocation && (
          <>
            {st.allocation.errors.length > 0 && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>These decisions cannot be carried out</MessageBarTitle>
                  {st.allocation.errors.map(formatError).join(" ")} Nothing can be written until this is fixed.
                </MessageBarBody>
              </MessageBar>
            )}
            <WarningList title="About this allocation" warnings={st.allocation.warnings} />
            <ResultsView
              district={st.district}
              allocation={st.allocation}
              detail={st.detail}
              selected={st.selected}
              revision={st.revision}
              onChange={studio.update}
              onOpen={studio.showDetail}
              onSelect={studio.select}
              calculator={{
                state: st.calculator,
                canBuild: !st.reading && st.allocation.errors.length === 0,
                onCreate: (i) => void studio.createCalculator(i),
                onDownloadInstead: () => void studio.downloadCalculatorInstead(),
              }}
            />
            <Divider />
            <WriteView
              write={ownSectionWrite(st.write) ? { phase: "idle" } : st.write}
              selectedCount={st.selected.length}
              canWrite={!busy && st.allocation.errors.length === 0}
              onWrite={(sel) => void studio.writeResults(sel)}
              onCancel={studio.cancelWrite}
            />
            <Divider />
            <CalculatorsView
              calculator={st.calculator}
              schools={st.allocation.schools.length}
              canBuild={!st.reading && st.allocation.errors.length === 0}
              onDownloadAll={() => void studio.downloadAllCalculators()}
              onCancel={studio.cancelCalculators}
            />
            <Divider />
            <ScenariosView
              scenarios={st.scenarios}
              comparison={st.comparison}
              canSave={!busy}
              writing={writing}
              onSave={(n) => void studio.saveScenario(n)}
              onLoad={(n) => void studio.loadScenario(n)}
              onDelete={(n) => void studio.deleteScenario(n)}
              onCompare={studio.compare}
              onWriteComparison={() => void studio.writeComparison()}
            />
            {studio.equity && (
              <>
                <Divider />
                <EquityView
                  district={st.district}
                  allocation={st.allocation}
                  summary={studio.equity}
                  snapshots={st.snapshots}
                  comparison={studio.snapshotComparison}
                  write={st.write}
                  busy={busy}
                  onSaveSnapshot={(n) => void studio.saveSnapshot(n)}
                  onDeleteSnapshot={(n) => void studio.deleteSnapshot(n)}
                  onCompare={studio.compareSnapshot}
                  onWrite={() => void studio.writeEquity()}
                  onCancel={studio.cancelWrite}
                  onApply={studio.applyDistrict}
                />
              </>
            )}
          </>
        )}
        {st.district && (
          <>
            <Divider />
            <PlanningView
              tables={planningTables}
              outcome={studio.planning}
              lib={studio.planningLib}
              analysing={st.planAnalysing}
              years={st.planYears}
              write={st.write}
              busy={busy}
              locate={studio.locate}
              onSelectProblem={(e) => void studio.selectProblem(e)}
              onAnalyse={() => void studio.analysePlanning()}
              onYears={studio.setPlanYears}
              onStatus={(n, status) => void studio.setOpportunityStatus(n, status)}
              onWrite={() => void studio.writePlanning()}
              onCancel={studio.cancelWrite}
            />
          </>
        )}
        {st.status && anyTable && (
          <>
            <Divider />
            <InitiativesView
              hasTable={hasInitiatives}
              aroi={studio.aroi}
              write={st.write}
              busy={busy}
              onAnalyse={() => void studio.analyseInitiatives()}
              onInsertTemplate={() => void studio.insertInitiativesTemplate()}
              onOverride={(n, o) => void studio.setOverride(n, o)}
              onWrite={() => void studio.writeAroi()}
              onCancel={studio.cancelWrite}
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
