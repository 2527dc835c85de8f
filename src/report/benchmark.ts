/**
 * The "Peer Benchmark" sheet: by function, the district's $ per pupil, the peers' 25th percentile, median and 75th
 * percentile, the gap to the median per pupil and in total, the rank, students per FTE against the peers' median;
 * the central office share; a dot plot of the district against the peer range by function (a scatter: one row per
 * function on the vertical axis, numbered as in the table's "#" column, dollars per pupil across); and "Peer Data"
 * with every peer's $ per pupil by function. Plain data only.
 */
import type { Benchmark } from "../analysis/benchmark";
import { benchmarkReadingText } from "../words/benchmark";
import { excelName } from "./names";
import type { PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";
import { placeChart } from "./charts/native";
import { benchmarkDotChart } from "./charts/voices";

export const BENCHMARK_SHEET = "Peer Benchmark";
const TAB = "C55A11";
const usd = (c: number | null): number | null => (c === null ? null : Math.round(c) / 100);

export function benchmarkPlans(b: Benchmark): SheetPlan[] {
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Peer benchmarking: $ per pupil and staffing by function", style: "title" },
    {
      r: 1,
      c: 0,
      v:
        `${b.peers} peer district(s); the district's ${b.students.toLocaleString("en-US")} students (Enrollment). Peer median and percentiles are Excel's PERCENTILE.INC over the peer districts reporting the function, each district counted once. ` +
        "Gap = the district's $ per pupil − the peer median; total = gap × students. Rank 1 = lowest spending. The district's figures are its Budget Lines with that Function (or Area).",
      style: "note",
    },
  ];
  let r = 3;
  for (const line of b.readings) cells.push({ r: r++, c: 0, v: benchmarkReadingText(line) });
  r++;
  const table = functionTable(b, r, cells);
  const centralRow = r + Math.max(1, table.rows.length) + 2;
  const centralTable = centralOfficeTable(b, centralRow, cells);

  const charts: PlanChart[] = [];
  const tables: PlanTable[] = [table, centralTable];
  const dots = benchmarkDotChart(b);
  if (dots) {
    const top = centralRow + 6;
    const placed = placeChart(dots, top, 0, { r: top, c: 7, width: 8, height: 20 });
    tables.push(placed.table);
    if (placed.chart) charts.push(placed.chart);
  }

  return [
    {
      name: BENCHMARK_SHEET,
      role: "benchmark",
      cells,
      tables,
      charts,
      widths: { 0: 6, 1: 40, 2: 14, 3: 14, 4: 14, 5: 14, 6: 14, 7: 16, 8: 10, 9: 6, 10: 12, 11: 14 },
      freeze: { rows: 1, cols: 0 },
      tabColor: TAB,
      print: { landscape: true, fitToPage: true },
    },
    peerDataSheet(b),
  ];
}

/** The table by function (gaps above the median marked), at row `r`. */
function functionTable(b: Benchmark, r: number, cells: PlanCell[]): PlanTable {
  const headers = [
    "#",
    "Function",
    "District $ per Pupil",
    "Peer 25th Percentile",
    "Peer Median",
    "Peer 75th Percentile",
    "Gap per Pupil",
    "Gap Total",
    "Rank (1 = lowest)",
    "Of",
    "Students per FTE",
    "Peer Median Students per FTE",
  ];
  const rows: PlanValue[][] = b.functions.map((f, i) => [
    i + 1,
    f.function,
    usd(f.perPupil),
    usd(f.peerP25),
    usd(f.peerMedian),
    usd(f.peerP75),
    usd(f.gapPerPupil),
    usd(f.gapTotal),
    f.rank,
    f.rankOf,
    f.studentsPerFte,
    f.peerMedianStudentsPerFte,
  ]);
  const table: PlanTable = {
    name: excelName("Peer_Benchmark"),
    r,
    c: 0,
    headers,
    rows,
    formats: ["integer", "text", "currency", "currency", "currency", "currency", "currency", "currency0", "integer", "integer", "decimal2", "decimal2"],
  };
  b.functions.forEach((f, i) => {
    if (f.gapPerPupil !== null && Math.round(f.gapPerPupil) !== 0) cells.push({ r: r + 1 + i, c: 6, v: usd(f.gapPerPupil), fmt: "currency", style: f.gapPerPupil > 0 ? "bad" : "good" });
  });
  return table;
}

/** The central office share against the peers, under its subtitle at `centralRow`. */
function centralOfficeTable(b: Benchmark, centralRow: number, cells: PlanCell[]): PlanTable {
  const c = b.central;
  cells.push({ r: centralRow, c: 0, v: `Central office share of spending (${c.functions.length ? c.functions.join(", ") : "no function named central office / administration"})`, style: "subtitle" });
  const centralTable: PlanTable = {
    name: excelName("Peer_Central_Office"),
    r: centralRow + 1,
    c: 0,
    headers: ["Measure", "District", "Peer 25th Percentile", "Peer Median", "Peer 75th Percentile"],
    rows: [
      ["Share of spending on the compared functions", c.share, c.peerP25, c.peerMedian, c.peerP75],
      ["$ per pupil", usd(c.perPupil), null, usd(c.peerMedianPerPupil), null],
    ],
    formats: ["text", undefined, undefined, undefined, undefined],
  };
  for (let k = 1; k <= 4; k++) cells.push({ r: centralRow + 2, c: k, v: centralTable.rows[0][k], fmt: "percent1" });
  for (const k of [1, 3]) cells.push({ r: centralRow + 3, c: k, v: centralTable.rows[1][k], fmt: "currency" });
  return centralTable;
}

/** Peer Data: one row per peer district, one column per function ($ per pupil), for the dots. */
function peerDataSheet(b: Benchmark): SheetPlan {
  const peerNames = [...new Set(b.functions.flatMap((f) => f.peerValues.map((p) => p.district)))];
  const dataTable: PlanTable = {
    name: excelName("Peer_Data"),
    r: 3,
    c: 0,
    headers: ["District", ...b.functions.map((f) => `${f.function} $ per Pupil`)],
    rows: peerNames.map((d) => [d, ...b.functions.map((f) => usd(f.peerValues.find((p) => p.district === d)?.perPupil ?? null))]),
    formats: ["text", ...b.functions.map(() => "currency" as const)],
  };
  const dataWidths: Record<number, number> = { 0: 32 };
  b.functions.forEach((_, i) => (dataWidths[i + 1] = 18));
  return {
    name: "Peer Data",
    role: "benchmark-data",
    cells: [
      { r: 0, c: 0, v: "Peer districts: $ per pupil by function", style: "title" },
      { r: 1, c: 0, v: "Amount ÷ Enrollment for each peer district and function (blank: the district does not report the function).", style: "note" },
    ],
    tables: [dataTable],
    charts: [],
    widths: dataWidths,
    freeze: { rows: 4, cols: 1 },
    tabColor: TAB,
  };
}
