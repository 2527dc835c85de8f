import { useState } from "react";
import {
  Button,
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
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ScenarioRecord } from "../../../host/types";
import { money, signedMoney, signedPercent } from "../../ui/format";
import { CURRENT, type ComparisonView } from "./state";
import { NARROW, narrowCells, heading, actionRow, note, plainList, itemName, scrollX, num, numHead, wideOnly, gain, loss } from "../../ui/styles";
import { SaveNameForm } from "../../ui/SaveNameForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h: heading,
  list: plainList,
  item: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  itemName,
  pick: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  actions: actionRow,
  wrap: scrollX,
  num,
  head: numHead,
  // In a narrow pane: smaller type, and A is left out (B and the change say it all).
  table: {
    [NARROW]: { "& td, & th": narrowCells },
  },
  wideOnly,
  gain,
  loss,
  note,
});

export interface ScenariosViewProps {
  scenarios: ScenarioRecord[];
  comparison: ComparisonView | null;
  canSave: boolean;
  writing: boolean;
  onSave: (name: string) => void;
  onLoad: (name: string) => void;
  onDelete: (name: string) => void;
  onCompare: (a: string, b: string) => void;
  onWriteComparison: () => void;
}

/** The saved scenarios, each with Load and Delete (or a note that there are none). */
function ScenarioList({ scenarios, canSave, onLoad, onDelete }: Pick<ScenariosViewProps, "scenarios" | "canSave" | "onLoad" | "onDelete">) {
  const s = useStyles();
  if (scenarios.length === 0) return <Text className={s.note}>No saved scenarios yet. Saving stores the current decisions (rates, sources, policy) in the workbook.</Text>;
  return (
    <ul className={s.list} aria-label="Saved scenarios">
      {scenarios.map((r) => (
        <li key={r.name} className={s.item}>
          <Text className={s.itemName}>{r.name}</Text>
          <Button size="small" aria-label={`Load ${r.name}`} disabled={!canSave} onClick={() => onLoad(r.name)}>
            Load
          </Button>
          <Button size="small" appearance="subtle" aria-label={`Delete ${r.name}`} onClick={() => onDelete(r.name)}>
            Delete
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** A scenario picker: the current decisions or a saved scenario. */
function ScenarioSelect({ label, value, options, onPick }: { label: string; value: string; options: string[]; onPick: (name: string) => void }) {
  return (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onPick(d.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Scenarios A and B (a deleted scenario falls back to the current decisions), Compare, and Write comparison once compared. */
function CompareControls({ scenarios, comparison, canSave, writing, onCompare, onWriteComparison }: Omit<ScenariosViewProps, "onSave" | "onLoad" | "onDelete">) {
  const s = useStyles();
  const options = [CURRENT, ...scenarios.map((r) => r.name)];
  const [a, setA] = useState<string>(CURRENT);
  const [b, setB] = useState<string>(CURRENT);
  const pickA = options.includes(a) ? a : CURRENT;
  const pickB = options.includes(b) ? b : CURRENT;
  return (
    <>
      <div className={s.pick}>
        <ScenarioSelect label="Scenario A" value={pickA} options={options} onPick={setA} />
        <ScenarioSelect label="Scenario B" value={pickB} options={options} onPick={setB} />
      </div>
      <div className={s.actions}>
        <Button disabled={!canSave} onClick={() => onCompare(pickA, pickB)}>
          Compare
        </Button>
        {comparison && (
          <Button disabled={writing} onClick={onWriteComparison}>
            Write comparison
          </Button>
        )}
      </div>
    </>
  );
}

/** B against A: the counts and total change, then each school's budgets and change. */
function ComparisonResult({ comparison }: { comparison: ComparisonView }) {
  const s = useStyles();
  const tone = (v: number | null) => (v === null || v === 0 ? undefined : v > 0 ? s.gain : s.loss);
  return (
    <div>
      <Text className={s.note} as="p">
        {comparison.nameB} vs {comparison.nameA}: {comparison.cmp.gainers} gain, {comparison.cmp.losers} lose, {comparison.cmp.unchanged} unchanged; total{" "}
        {signedMoney(comparison.cmp.totals.delta)}.
      </Text>
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label={`Comparison of ${comparison.nameA} and ${comparison.nameB}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>School</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.head, s.wideOnly)}>A</TableHeaderCell>
              <TableHeaderCell className={s.head}>B</TableHeaderCell>
              <TableHeaderCell className={s.head}>Change $</TableHeaderCell>
              <TableHeaderCell className={s.head}>Change %</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {comparison.cmp.schools.map((r) => (
              <TableRow key={`${r.side}:${r.id}`}>
                <TableCell>{r.name}</TableCell>
                <TableCell className={mergeClasses(s.num, s.wideOnly)}>{r.a === null ? "—" : money(r.a)}</TableCell>
                <TableCell className={s.num}>{r.b === null ? "—" : money(r.b)}</TableCell>
                <TableCell className={mergeClasses(s.num, tone(r.delta))}>{r.delta === null ? (r.side === "onlyA" ? "only in A" : "only in B") : signedMoney(r.delta)}</TableCell>
                <TableCell className={mergeClasses(s.num, tone(r.delta))}>{r.deltaPct === null ? "—" : signedPercent(r.deltaPct)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** Scenarios: save the decisions under a name, load or delete one, and compare two (or one with the current decisions). */
export function ScenariosView(p: ScenariosViewProps) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="sfs-scenarios">
      <h2 id="sfs-scenarios" className={s.h}>
        Scenarios
      </h2>
      <SaveNameForm label="Scenario name" placeholder="e.g. Equity focus" action="Save scenario" canSave={p.canSave} onSave={p.onSave} />
      <ScenarioList scenarios={p.scenarios} canSave={p.canSave} onLoad={p.onLoad} onDelete={p.onDelete} />
      <CompareControls {...p} />
      {p.comparison && <ComparisonResult comparison={p.comparison} />}
    </section>
  );
}
