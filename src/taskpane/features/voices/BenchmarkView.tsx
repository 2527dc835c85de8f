import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from "@fluentui/react-components";
import { signedChange } from "../../../engine/money";
import type { InputError } from "../../../engine/types";
import { benchmarkDotChart } from "../../../report/charts/voices";
import { benchmarkReadingText, moneyWords } from "../../../words/benchmark";
import type { WriteState } from "../../store/types";
import { actionRow, bulletList, column, heading, note, num, scrollX } from "../../ui/styles";
import { WriteOutcome } from "../../ui/WriteStatus";
import { BENCHMARK_WRITE, type VoicesData } from "./analyse";
import { DotPlot } from "./MiniCharts";

import { Problems } from "./VoicesView";

const useStyles = makeStyles({ root: column, h: heading, actions: actionRow, note, list: bulletList, scroll: scrollX, num });

export interface BenchmarkViewProps {
  data: VoicesData;
  write: WriteState;
  busy: boolean;
  onWrite: () => void;
  onCancel: () => void;
  onSelectProblem: (e: InputError) => void;
}

const money = (c: number | null) => (c === null ? "—" : moneyWords(c));

/** Peer benchmark: $ per pupil by function against comparable districts. */
export function BenchmarkView({ data, write, busy, onWrite, onCancel, onSelectProblem }: BenchmarkViewProps) {
  const s = useStyles();
  const b = data.benchmark.result;
  const dots = b ? benchmarkDotChart(b) : null;
  return (
    <section className={s.root} aria-labelledby="sfs-benchmark">
      <h2 id="sfs-benchmark" className={s.h}>
        Peer benchmark
      </h2>
      {!data.benchmark.present && (
        <Text size={200}>
          Add a Peers table (District, Enrollment, Function, Amount, FTE) with comparable districts' spending by function; the district's own figures come from
          Budget Lines.
        </Text>
      )}
      <Problems errors={data.benchmark.errors} title="Peer tables: fix these to see the benchmark" onSelect={onSelectProblem} />
      {b && (
        <>
          <Text size={200} className={s.note}>
            {b.peers} peer districts; the district's {b.students.toLocaleString("en-US")} students. Median and quartiles as Excel's PERCENTILE.INC.
          </Text>
          <div className={s.scroll} tabIndex={0} role="region" aria-label="Peer benchmark by function (scrolls sideways)">
            <Table size="small" aria-label="Peer benchmark by function">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Function</TableHeaderCell>
                  <TableHeaderCell className={s.num}>Per pupil</TableHeaderCell>
                  <TableHeaderCell className={s.num}>Peer median</TableHeaderCell>
                  <TableHeaderCell className={s.num}>Gap</TableHeaderCell>
                  <TableHeaderCell className={s.num}>Rank</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {b.functions.map((f) => (
                  <TableRow key={f.function}>
                    <TableCell>{f.function}</TableCell>
                    <TableCell className={s.num}>{money(f.perPupil)}</TableCell>
                    <TableCell className={s.num}>{money(f.peerMedian)}</TableCell>
                    <TableCell className={s.num}>{f.gapPerPupil === null ? "—" : signedChange(f.gapPerPupil, moneyWords)}</TableCell>
                    <TableCell className={s.num}>{f.rank === null ? "—" : `${f.rank} of ${f.rankOf}`}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {dots && <DotPlot d={dots} />}
          <ul className={s.list} aria-label="What the benchmark says">
            {b.readings.map(benchmarkReadingText).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className={s.actions}>
            <Button appearance="primary" onClick={onWrite} disabled={busy || write.phase === "running"}>
              Write benchmark sheets
            </Button>
          </div>
        </>
      )}
      {write.phase !== "idle" && write.what === BENCHMARK_WRITE && <WriteOutcome write={write} onCancel={onCancel} />}
    </section>
  );
}
