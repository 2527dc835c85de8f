/** The sample district's results, as the chart and board-pack tests use them (computed once per test file). */
import { allocate } from "../../../src/engine/allocate";
import { parseDistrict } from "../../../src/engine/parse";
import { parsePlanning } from "../../../src/analysis/plan";
import type { District } from "../../../src/engine/types";
import { boardPackInput, type BoardPackInput } from "../../../src/report/boardPack";
import { sampleDistrict } from "../../../src/sample/district";

export function sampleInput(): { district: District; input: BoardPackInput } {
  const raw = sampleDistrict();
  const parsed = parseDistrict(raw);
  if (!parsed.ok) throw new Error("the sample does not parse");
  const planning = parsePlanning(raw, parsed.district).planning;
  const allocation = allocate(parsed.district);
  const input = boardPackInput(parsed.district, allocation, { workbook: "sample-district.xlsx", date: new Date(Date.UTC(2026, 11, 2)), planning });
  return { district: parsed.district, input };
}
