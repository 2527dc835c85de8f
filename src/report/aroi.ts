/**
 * Sheet plans of the A-ROI analysis (DMGroup, Strategic Budgeting (2023)): the ranked inventory with its bubble chart, data coverage,
 * the four breakdowns with a cost-by-priority bar chart, segments, principal feedback with its scatter chart,
 * and the sunset → expand what-if. Plain data: money in dollars (cents ÷ 100) with currency formats; every
 * text taken from the workbook is a literal value (renderers write strings as text, never as formulas).
 * Charts reference the written table columns on the same sheet; for scatter and bubble charts a series'
 * `categories` range holds the X values, `values` the Y values and `sizes` the bubble sizes.
 */
import type { AroiAnalysis, FundingReconciliation, InitiativeResult, SourceFunding } from "../analysis/aroi";
import { ACTION_LABELS, QUADRANTS, formatDollars, formatNumber, formatShare } from "../analysis/aroi";
import { actionReasonText, concentrationText, feedbackQuadrantText, missingDataText, whatIfText } from "../words/aroi";
import { fundingFlagText } from "../words/funding";
import { a1 } from "./names";
import { aroiChart } from "./charts/describe";
import { placeChart } from "./charts/native";
import type { NumberFormat, PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";

export const AROI_SHEETS = {
  inventory: "Initiatives A-ROI",
  coverage: "A-ROI Coverage",
  breakdown: "A-ROI Breakdown",
  segments: "A-ROI Segments",
  feedback: "Principal Feedback",
  whatIf: "A-ROI What-if",
} as const;

export const AROI_ROLES = {
  inventory: "aroi",
  coverage: "aroi-coverage",
  breakdown: "aroi-breakdown",
  segments: "aroi-segments",
  feedback: "aroi-feedback",
  whatIf: "aroi-whatif",
} as const;

const TAB = "7A4FB2";

/** Cents to dollars for a cell. */
function usd(cents: number): number {
  return Math.round(cents) / 100;
}

/** A1 range of one table column's data rows (no header, no totals row); null when the table is empty. */
export function columnRange(t: PlanTable, col: number, rows = t.rows.length): string | null {
  if (rows <= 0) return null;
  return `${a1(t.r + 1, t.c + col)}:${a1(t.r + rows, t.c + col)}`;
}

/** Rows a table occupies, header and totals row included. */
function tableHeight(t: PlanTable): number {
  return 1 + t.rows.length + (t.totals && t.totals.length ? 1 : 0);
}

class Sheet {
  cells: PlanCell[] = [];
  tables: PlanTable[] = [];
  charts: PlanChart[] = [];
  row = 0;
  cell(r: number, c: number, v: PlanValue, style?: PlanCell["style"], fmt?: NumberFormat): void {
    const cell: PlanCell = { r, c, v };
    if (style) cell.style = style;
    if (fmt) cell.fmt = fmt;
    this.cells.push(cell);
  }
  /** A line of text at the current row, then move down. */
  line(v: string, style: PlanCell["style"] = "note"): void {
    this.cell(this.row, 0, v, style);
    this.row++;
  }
  /** A table at the current row (or a note when it has no rows), then move below it with a blank row. */
  table(t: Omit<PlanTable, "r" | "c">, empty: string): PlanTable | null {
    if (!t.rows.length) {
      this.line(empty);
      this.row++;
      return null;
    }
    const full: PlanTable = { ...t, r: this.row, c: 0 };
    this.tables.push(full);
    this.row += tableHeight(full) + 1;
    return full;
  }
  plan(name: string, role: string, widths: Record<number, number>, freeze?: { rows: number; cols: number }): SheetPlan {
    const p: SheetPlan = { name, role, cells: this.cells, tables: this.tables, charts: this.charts, widths, tabColor: TAB };
    if (freeze) p.freeze = freeze;
    p.print = { landscape: true, fitToPage: true };
    return p;
  }
}

function aroiHeader(unit: string): string {
  return `A-ROI (${unit} × students per $)`;
}
function per1000Header(unit: string): string {
  return `A-ROI per $1,000 (${unit} × students)`;
}

/** Column indexes of the inventory table, for charts and tests. */
export const INVENTORY_COLUMNS = {
  rank: 0,
  initiative: 1,
  department: 2,
  strategicPriority: 3,
  targetPopulation: 4,
  schools: 5,
  directCost: 6,
  staffCost: 7,
  indirectCost: 8,
  totalCost: 9,
  students: 10,
  perStudent: 11,
  gain: 12,
  aroi: 13,
  per1000: 14,
  suggested: 15,
  reason: 16,
  action: 17,
  note: 18,
  missing: 19,
} as const;

function inventoryRow(x: InitiativeResult): PlanValue[] {
  const i = x.initiative;
  return [
    x.rank,
    x.name,
    i.department,
    i.strategicPriority,
    i.targetPopulation,
    i.schools,
    usd(x.cost.direct),
    usd(x.cost.staff),
    usd(x.cost.indirect),
    usd(x.cost.total),
    x.students,
    x.cost.perStudent === null ? null : usd(x.cost.perStudent),
    x.gain,
    x.aroi,
    x.per1000,
    ACTION_LABELS[x.suggested],
    actionReasonText(x.reason),
    ACTION_LABELS[x.action],
    x.override ? x.override.note : "",
    x.missing.map(missingDataText).join("; "),
  ];
}

function inventoryPlan(a: AroiAnalysis): SheetPlan {
  const s = new Sheet();
  const u = a.unit;
  s.line("Initiatives A-ROI", "title");
  s.line(
    `A-ROI = (Learning Gain × Students Served) ÷ Total Cost, in ${u} × students per dollar (also per $1,000 spent). ` +
      `Total Cost = Direct Cost + Staff Hours × Hourly Cost + Indirect Cost.`,
  );
  const withAroi = a.totals.withAroi;
  s.line(
    `${withAroi} of ${a.totals.initiatives} initiatives have an A-ROI; those without outcome or cost data are listed after, in name order, with no return made up. ` +
      `Inventory cost ${formatDollars(a.totals.cost)} for ${formatNumber(a.totals.students)} students served.`,
  );
  s.row++;
  const t = s.table(
    {
      name: "AROI_Inventory",
      headers: [
        "Rank",
        "Initiative",
        "Department",
        "Strategic Priority",
        "Target Population",
        "Schools",
        "Direct Cost",
        "Staff Cost",
        "Indirect Cost",
        "Total Cost",
        "Students Served",
        "Cost per Student",
        `Learning Gain (${u})`,
        aroiHeader(u),
        per1000Header(u),
        "Suggested Action",
        "Reason",
        "Action",
        "Override Note",
        "Missing Data",
      ],
      rows: a.results.map(inventoryRow),
      formats: [
        "integer", "text", "text", "text", "text", "text",
        "currency", "currency", "currency", "currency", "integer", "currency",
        "decimal4", "decimal4", "decimal4", "text", "text", "text", "text", "text",
      ],
      totals: [6, 7, 8, 9, 10],
    },
    "No initiatives in the Initiatives table.",
  );
  const bubbles = t && withAroi > 0 ? aroiChart(a) : null;
  if (bubbles) {
    // The chart description's data under the inventory, the bubble chart beside it.
    const placed = placeChart(bubbles, s.row, 0, { r: s.row, c: bubbles.columns.length + 1, width: 8, height: 20 });
    s.tables.push(placed.table);
    if (placed.chart) s.charts.push(placed.chart);
    s.row += Math.max(21, placed.table.rows.length + 2);
  }
  s.line(`Actions follow documented rules (segment, fix, sunset/replace, collect data, expand, keep); the "Action" column shows any override, next to the suggested one.`);
  return s.plan(
    AROI_SHEETS.inventory,
    AROI_ROLES.inventory,
    { 0: 6, 1: 30, 2: 18, 3: 20, 4: 20, 5: 16, 6: 14, 7: 12, 8: 12, 9: 14, 10: 10, 11: 12, 12: 14, 13: 16, 14: 16, 15: 14, 16: 70, 17: 14, 18: 30, 19: 40 },
    { rows: 5, cols: 2 },
  );
}

function coveragePlan(a: AroiAnalysis): SheetPlan {
  const s = new Sheet();
  const c = a.coverage;
  s.line("A-ROI Coverage", "title");
  s.line(
    "Which initiatives have the data an A-ROI analysis needs: cost data (Direct Cost > 0), outcome data (a Learning Gain) and segment data (rows in Initiative Segments). Districts rarely have all three for more than half of their initiatives.",
  );
  s.line(
    `${c.all.count} of ${c.initiatives} initiatives (${formatShare(c.all.share)}) holding ${formatShare(c.all.costShare)} of the inventory cost have all three.`,
  );
  s.row++;
  const yes = (b: boolean) => (b ? "Yes" : "No");
  s.table(
    {
      name: "AROI_Coverage",
      headers: ["Data", "Initiatives", "Share of Initiatives", "Cost", "Share of Cost"],
      rows: [
        ["Cost data (Direct Cost > 0)", c.cost],
        ["Outcome data (Learning Gain)", c.outcome],
        ["Segment data (Initiative Segments)", c.segments],
        ["All three", c.all],
      ].map(([label, k]) => {
        const n = k as typeof c.cost;
        return [label as string, n.count, n.share, usd(n.cost), n.costShare];
      }),
      formats: ["text", "integer", "percent1", "currency", "percent1"],
    },
    "No initiatives.",
  );
  s.table(
    {
      name: "AROI_Coverage_Detail",
      headers: ["Initiative", "Total Cost", "Cost Data", "Outcome Data", "Segment Data", "Missing"],
      rows: a.results.map((x) => {
        const item = c.items[x.index];
        return [x.name, usd(x.cost.total), yes(item.cost), yes(item.outcome), yes(item.segments), item.missing.map(missingDataText).join("; ")];
      }),
      formats: ["text", "currency", "text", "text", "text", "text"],
    },
    "No initiatives.",
  );
  return s.plan(AROI_SHEETS.coverage, AROI_ROLES.coverage, { 0: 36, 1: 14, 2: 18, 3: 14, 4: 14, 5: 70 });
}

const BREAKDOWN_TABLES: Record<string, string> = {
  strategicPriority: "AROI_By_Priority",
  department: "AROI_By_Department",
  targetPopulation: "AROI_By_Population",
  school: "AROI_By_School",
};

function breakdownPlan(a: AroiAnalysis): SheetPlan {
  const s = new Sheet();
  s.line("A-ROI Breakdown", "title");
  s.line(
    `Fully loaded cost, students served and the cost-weighted A-ROI (per $1,000, in ${a.unit} × students) of the initiatives with one, by group. Blank fields are shown as "(not given)".`,
  );
  s.line(
    `School: an initiative listing several schools (or "All") has its cost and students split evenly across them by largest remainder (left-over cents and students go to the first schools listed); it counts once in each school.`,
  );
  s.row++;
  let priority: PlanTable | null = null;
  for (const b of a.breakdowns) {
    s.line(`By ${b.label}`, "subtitle");
    const t = s.table(
      {
        name: BREAKDOWN_TABLES[b.key],
        headers: [b.label, "Initiatives", "Total Cost", "Share of Cost", "Students Served", "Cost with A-ROI", `A-ROI per $1,000 (${a.unit} × students, cost-weighted)`],
        rows: b.rows.map((r) => [
          r.group,
          r.initiatives,
          usd(r.cost),
          b.totalCost > 0 ? r.cost / b.totalCost : 0,
          r.students,
          usd(r.costWithAroi),
          r.per1000,
        ]),
        formats: ["text", "integer", "currency", "percent1", "integer", "currency", "decimal4"],
        totals: [2, 4, 5],
      },
      "No initiatives.",
    );
    if (b.key === "strategicPriority") priority = t;
  }
  if (priority) {
    s.charts.push({
      kind: "barClustered",
      title: "Initiative cost by strategic priority",
      series: [{ name: "Total Cost", categories: columnRange(priority, 0) as string, values: columnRange(priority, 2) as string }],
      xTitle: "Strategic priority",
      yTitle: "Total cost ($)",
      at: { r: priority.r, c: 8, width: 8, height: Math.max(15, priority.rows.length + 4) },
    });
  }
  return s.plan(AROI_SHEETS.breakdown, AROI_ROLES.breakdown, { 0: 32, 1: 12, 2: 16, 3: 14, 4: 16, 5: 16, 6: 22 });
}

function segmentsPlan(a: AroiAnalysis): SheetPlan {
  const s = new Sheet();
  const u = a.unit;
  s.line("A-ROI Segments", "title");
  s.line(
    `Where each initiative works. A segment's cost is its own Cost when given, else the initiative's remaining cost split by students served. ` +
      `Gain is flagged as concentrated when one segment holds ≥ ${formatShare(a.rules.concentrationImpactShare)} of the gain × students with < ${formatShare(a.rules.concentrationStudentShare)} of the students.`,
  );
  s.row++;
  const rows: PlanValue[][] = [];
  for (const seg of a.segments) {
    for (const r of seg.segments) {
      rows.push([
        seg.initiative,
        r.segment,
        r.students,
        r.studentShare,
        r.gain,
        r.impact,
        r.impactShare,
        usd(r.cost),
        r.costSource === "given" ? "Given" : "Split by students",
        r.per1000,
        seg.concentrated && seg.concentrated.segment === r.segment ? "Yes" : "",
      ]);
    }
  }
  s.table(
    {
      name: "AROI_Segments",
      headers: [
        "Initiative",
        "Segment",
        "Students Served",
        "Share of Students",
        `Learning Gain (${u})`,
        `Gain × Students (${u} × students)`,
        "Share of Gain × Students",
        "Cost",
        "Cost Basis",
        per1000Header(u),
        "Gain Concentrated Here",
      ],
      rows,
      formats: ["text", "text", "integer", "percent1", "decimal4", "decimal2", "percent1", "currency", "text", "decimal4", "text"],
    },
    "No Initiative Segments rows: add the table to see which student segments each initiative helps.",
  );
  for (const seg of a.segments) {
    if (seg.concentrated) s.line(`${seg.initiative}: ${concentrationText(seg.concentrated)}.`);
  }
  return s.plan(AROI_SHEETS.segments, AROI_ROLES.segments, { 0: 30, 1: 26, 2: 12, 3: 12, 4: 14, 5: 16, 6: 14, 7: 14, 8: 16, 9: 16, 10: 12 });
}

function feedbackPlan(a: AroiAnalysis): SheetPlan {
  const s = new Sheet();
  const f = a.feedback;
  s.line("Principal Feedback", "title");
  s.line(
    `Perceived importance vs. perceived effectiveness, on a 1–${f.scaleMax} scale; a rating above ${formatNumber(f.middle)} counts as high. ` +
      `${f.points.length} initiative(s) rated${f.unrated.length ? `, ${f.unrated.length} without both ratings` : ""}.`,
  );
  s.row++;
  const points = s.table(
    {
      name: "AROI_Feedback",
      headers: ["Initiative", "Importance", "Effectiveness", "Quadrant"],
      rows: f.points.map((p) => [p.name, p.importance, p.effectiveness, feedbackQuadrantText(p.quadrant)]),
      formats: ["text", "decimal2", "decimal2", "text"],
    },
    "No initiative has both an Importance and an Effectiveness rating.",
  );
  if (points) {
    s.charts.push({
      kind: "scatter",
      title: "Principal feedback: importance × effectiveness",
      series: [
        {
          name: "Initiatives",
          categories: columnRange(points, 1) as string,
          values: columnRange(points, 2) as string,
        },
      ],
      xTitle: "Importance",
      yTitle: "Effectiveness",
      at: { r: points.r, c: 5, width: 7, height: 18 },
    });
  }
  s.table(
    {
      name: "AROI_Feedback_Quadrants",
      headers: ["Quadrant", "Initiatives"],
      rows: QUADRANTS.map((q) => [feedbackQuadrantText(q), f.quadrants[q]]),
      formats: ["text", "integer"],
      totals: [1],
    },
    "",
  );
  const survey: PlanValue[][] = [];
  if (f.implemented) survey.push(["Implemented on campus", f.implemented.yes, f.implemented.no, f.implemented.blank]);
  if (f.wanted) survey.push(["Wanted (if not yet in place)", f.wanted.yes, f.wanted.no, f.wanted.blank]);
  s.table(
    {
      name: "AROI_Feedback_Survey",
      headers: ["Question", "Yes", "No", "Blank"],
      rows: survey,
      formats: ["text", "integer", "integer", "integer"],
    },
    'Add "Implemented" and "Wanted" (Yes/No) columns to the Initiatives table to count them here.',
  );
  return s.plan(AROI_SHEETS.feedback, AROI_ROLES.feedback, { 0: 32, 1: 12, 2: 14, 3: 30 });
}

function whatIfPlan(a: AroiAnalysis): SheetPlan {
  const s = new Sheet();
  const w = a.whatIf;
  s.line("A-ROI What-if", "title");
  s.line(
    "If the initiatives set to sunset stopped, their cost is spread over the initiatives set to expand in proportion to their cost, and turned into extra students at each one's current cost per student (whole students).",
  );
  s.line(whatIfText(w));
  s.row++;
  const summary: [string, PlanValue, NumberFormat][] = [
    ["Freed by sunset", usd(w.freed), "currency"],
    ["Given to expand candidates", usd(w.distributed), "currency"],
    ["Extra students reached", w.extraStudents, "integer"],
    ["Left over", usd(w.unspent), "currency"],
  ];
  for (const [label, v, fmt] of summary) {
    s.cell(s.row, 0, label, "label");
    s.cell(s.row, 1, v, undefined, fmt);
    s.row++;
  }
  s.row++;
  s.line("Sunset", "subtitle");
  s.table(
    {
      name: "AROI_WhatIf_Sunset",
      headers: ["Initiative", "Freed Cost"],
      rows: w.sunset.map((x) => [x.name, usd(x.freed)]),
      formats: ["text", "currency"],
      totals: [1],
    },
    "No initiative is set to sunset.",
  );
  s.line("Expand", "subtitle");
  s.table(
    {
      name: "AROI_WhatIf_Expand",
      headers: ["Initiative", "Total Cost", "Students Served", "Cost per Student", "Extra Funding", "Extra Students", "Left Over"],
      rows: w.expand.map((x) => [x.name, usd(x.total), x.students, usd(x.perStudent), usd(x.extra), x.extraStudents, usd(x.unspent)]),
      formats: ["text", "currency", "integer", "currency", "currency", "integer", "currency"],
      totals: [1, 2, 4, 5, 6],
    },
    "No initiative is set to expand.",
  );
  return s.plan(AROI_SHEETS.whatIf, AROI_ROLES.whatIf, { 0: 32, 1: 16, 2: 14, 3: 14, 4: 14, 5: 14, 6: 12 });
}

/** The A-ROI sheets, in order: inventory, coverage, breakdown, segments, principal feedback, what-if. */
export function aroiPlans(analysis: AroiAnalysis): SheetPlan[] {
  return [inventoryPlan(analysis), coveragePlan(analysis), breakdownPlan(analysis), segmentsPlan(analysis), feedbackPlan(analysis), whatIfPlan(analysis)];
}

/** The funding reconciliation sheet (issue 6), added by `sfs aroi` when any initiative names a Funding Source. */
export const AROI_FUNDING_SHEET = "A-ROI Funding";
export const AROI_FUNDING_ROLE = "aroi-funding";

/** Column indexes of the by-source table, for tests. */
export const FUNDING_SOURCE_COLUMNS = {
  source: 0,
  amount: 1,
  heldCentrally: 2,
  toSchools: 3,
  chargedCentral: 4,
  chargedSchools: 5,
  charged: 6,
  centralLeft: 7,
  schoolsLeft: 8,
  remainder: 9,
  initiatives: 10,
  status: 11,
} as const;

function sourceStatus(s: SourceFunding): string {
  if (s.flags.length) return `Over-committed by ${formatDollars(s.flags.reduce((t, f) => t + f.shortfall, 0))}`;
  return s.initiatives ? "OK" : "Not charged";
}

/**
 * "A-ROI Funding": per source, the money the allocation holds centrally and gives to schools next to what the
 * initiatives charge to it; per initiative, its sources and amounts; the initiatives without a source. Each
 * over-commitment is a line styled "bad" above the tables.
 */
export function aroiFundingPlan(recon: FundingReconciliation): SheetPlan {
  const s = new Sheet();
  fundingIntro(s, recon);
  fundingSourcesTable(s, recon);
  fundingInitiativeTables(s, recon);
  return s.plan(AROI_FUNDING_SHEET, AROI_FUNDING_ROLE, { 0: 32, 1: 22, 2: 16, 3: 22, 4: 16, 5: 18, 6: 18, 7: 16, 8: 16, 9: 16, 10: 12, 11: 26 });
}

/** The title, how costs are split, how many initiatives name a source, and each over-commitment (or none). */
function fundingIntro(s: Sheet, recon: FundingReconciliation): void {
  const t = recon.totals;
  s.line(AROI_FUNDING_SHEET, "title");
  s.line(
    "Each initiative's total cost (direct + staff time + indirect) is split over the sources in its Funding Source column by their shares, to the cent. " +
      "An initiative run for specific schools is paid from those schools' allocation of the source; a district-wide one (Schools All or blank) from the source's central money (holdback + surplus).",
  );
  s.line(
    `${t.funded} of ${t.initiatives} initiatives name a funding source: ${formatDollars(t.charged)} charged. ` +
      (recon.withoutSource.length
        ? `${recon.withoutSource.length} initiative${recon.withoutSource.length === 1 ? "" : "s"} (${formatDollars(t.unfundedCost)}) name no source and are listed at the bottom; no source is guessed for them.`
        : "Every initiative names a source."),
  );
  s.row++;
  if (recon.flags.length) for (const f of recon.flags) s.line(fundingFlagText(f), "bad");
  else s.line("No source is over-committed: every charge fits in the money it is paid from.", "good");
  s.row++;
}

/** Per source: the money held centrally and given to schools next to what the initiatives charge to it. */
function fundingSourcesTable(s: Sheet, recon: FundingReconciliation): void {
  s.line("By source", "subtitle");
  s.table(
    {
      name: "AROI_Funding_Sources",
      headers: [
        "Source",
        "Amount",
        "Held Centrally",
        "To Schools",
        "Charged to Central Money",
        "Charged to Schools' Allocation",
        "Total Charged",
        "Left Centrally",
        "Left at Schools",
        "Remainder",
        "Initiatives",
        "Status",
      ],
      rows: recon.sources.map((x) => [
        x.source,
        usd(x.amount),
        usd(x.heldCentrally),
        usd(x.toSchools),
        usd(x.chargedCentral),
        usd(x.chargedSchools),
        usd(x.charged),
        usd(x.centralLeft),
        usd(x.schoolsLeft),
        usd(x.remainder),
        x.initiatives,
        sourceStatus(x),
      ]),
      formats: ["text", "currency", "currency", "currency", "currency", "currency", "currency", "currency", "currency", "currency", "integer", "text"],
      totals: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    },
    "No Revenue sources.",
  );
}

/** Per initiative, its sources and amounts; then the initiatives without a source. */
function fundingInitiativeTables(s: Sheet, recon: FundingReconciliation): void {
  s.line("By initiative", "subtitle");
  s.table(
    {
      name: "AROI_Funding_Initiatives",
      headers: ["Initiative", "Schools", "Total Cost", "Source", "Share", "Amount", "Paid From"],
      rows: recon.initiatives.flatMap((x) =>
        x.charges.map((c) => [
          x.name,
          x.scope === "district" ? "All (district-wide)" : x.schools.join(", "),
          usd(x.totalCost),
          c.source,
          c.share,
          usd(c.amount),
          c.paidFrom === "central" ? "Central money" : "Schools' allocation",
        ]),
      ),
      formats: ["text", "text", "currency", "text", "percent1", "currency", "text"],
      totals: [5],
    },
    "No initiative names a funding source.",
  );
  s.line("Without a funding source", "subtitle");
  s.table(
    {
      name: "AROI_Funding_None",
      headers: ["Initiative", "Total Cost"],
      rows: recon.withoutSource.map((x) => [x.name, usd(x.totalCost)]),
      formats: ["text", "currency"],
      totals: [1],
    },
    "Every initiative names a funding source.",
  );
}
