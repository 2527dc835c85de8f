/** The input-tables registry is the one list: parsers, readers, templates and the sample agree with it. */
import { BUDGET_LINE_COLUMNS } from "../../src/analysis/parse/budgetLines";
import { ENROLLMENT_COLUMNS } from "../../src/engine/parse/enrollment";
import { TABLE_ORDER } from "../../src/engine/parse/headers";
import { INITIATIVE_COLUMNS, SEGMENT_COLUMNS } from "../../src/engine/parse/initiatives";
import { OPPORTUNITY_COLUMNS } from "../../src/analysis/parse/opportunities";
import { POLICY_COLUMNS } from "../../src/engine/parse/policy";
import { PROJECTION_COLUMNS } from "../../src/analysis/parse/projections";
import { REVENUE_COLUMNS } from "../../src/engine/parse/revenue";
import { SCHOOL_COLUMNS } from "../../src/engine/parse/schools";
import { SPENDING_COLUMNS } from "../../src/analysis/parse/spending";
import { WEIGHT_COLUMNS } from "../../src/engine/parse/weights";
import { normalizeHeader } from "../../src/engine/parse";
import { PEER_COLUMNS } from "../../src/engine/parse/peers";
import { READINESS_COLUMNS } from "../../src/engine/parse/readiness";
import { SURVEY_ITEM_COLUMNS, SURVEY_RESPONSE_COLUMNS, SURVEY_WAVE_COLUMNS } from "../../src/engine/parse/surveys";
import { CONTRACT_TABLES, INPUT_TABLES, TABLE_SPECS, type InputTable } from "../../src/engine/tables";
import { WANTED_TABLES } from "../../src/host/tables";
import { sampleDistrict } from "../../src/sample/district";
import { TABLE_NAMES } from "../../src/sample/tables";
import { blankTemplates, CONTRACT_COLUMNS } from "../../src/taskpane/features/inputs/templates";
import { DEFAULT_TABLE_NAMES } from "../../src/xlsx/read";

describe("input-tables registry", () => {
  test("one spec per table name, named as its key", () => {
    expect(Object.keys(TABLE_SPECS).sort()).toEqual([...INPUT_TABLES].sort());
    for (const t of INPUT_TABLES) expect(TABLE_SPECS[t].name).toBe(t);
  });

  test("the parsers read exactly the registry's columns", () => {
    const used: Partial<Record<InputTable, unknown>> = {
      Schools: SCHOOL_COLUMNS,
      Enrollment: ENROLLMENT_COLUMNS,
      Weights: WEIGHT_COLUMNS,
      Revenue: REVENUE_COLUMNS,
      Policy: POLICY_COLUMNS,
      Initiatives: INITIATIVE_COLUMNS,
      "Initiative Segments": SEGMENT_COLUMNS,
      Spending: SPENDING_COLUMNS,
      "Budget Lines": BUDGET_LINE_COLUMNS,
      Opportunities: OPPORTUNITY_COLUMNS,
      Projections: PROJECTION_COLUMNS,
      "Survey Responses": SURVEY_RESPONSE_COLUMNS,
      "Survey Items": SURVEY_ITEM_COLUMNS,
      "Survey Waves": SURVEY_WAVE_COLUMNS,
      Readiness: READINESS_COLUMNS,
      Peers: PEER_COLUMNS,
    };
    for (const t of Object.keys(used) as InputTable[]) expect(used[t]).toBe(TABLE_SPECS[t].columns);
  });

  test("no header or alias names two columns of one table once normalised", () => {
    for (const t of INPUT_TABLES) {
      const owner = new Map<string, string>();
      for (const c of TABLE_SPECS[t].columns) {
        for (const h of [c.name, ...(c.aliases ?? [])]) {
          const k = normalizeHeader(h);
          expect([t, k, owner.get(k) ?? c.name]).toEqual([t, k, c.name]);
          owner.set(k, c.name);
        }
      }
    }
  });

  test("errors, the hosts, the .xlsx reader and the sample use the same list", () => {
    expect([...TABLE_ORDER]).toEqual([...INPUT_TABLES]);
    expect([...WANTED_TABLES]).toEqual([...INPUT_TABLES]);
    expect([...DEFAULT_TABLE_NAMES]).toEqual([...INPUT_TABLES]);
    expect([...TABLE_NAMES]).toEqual([...CONTRACT_TABLES]);
  });

  test("the blank templates are the contract tables with the registry's columns", () => {
    const blank = blankTemplates();
    expect(Object.values(blank).map((t) => t.name)).toEqual([...CONTRACT_TABLES]);
    for (const t of CONTRACT_TABLES) expect(CONTRACT_COLUMNS[t]).toEqual(TABLE_SPECS[t].columns.map((c) => c.name));
  });

  test("every header of the sample is a registry column, or a column the table says it reads beyond them", () => {
    for (const raw of Object.values(sampleDistrict())) {
      const spec = TABLE_SPECS[raw.name as InputTable];
      expect(spec).toBeDefined();
      const known = new Set(spec.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]).map(normalizeHeader));
      const unknown = raw.headers.map(String).filter((h) => !known.has(normalizeHeader(h)));
      if (!spec.otherColumns) expect(unknown).toEqual([]);
    }
  });
});
