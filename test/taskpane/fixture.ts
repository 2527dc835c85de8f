/** A small district as a host would read it, for the pane's tests (the real engine parses and allocates it). */
import type { Cell, RawTable, RawTables } from "../../src/engine/types";

function t(name: string, headers: string[], rows: Cell[][]): RawTable {
  return { name, headers, rows, origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
}

export interface SmallOptions {
  /** Extra schools after the three standard ones: [id, name, students, poverty]. */
  extra?: [string, string, number, number][];
  /** Drop a school by id. */
  without?: string;
  /** Title I amount in dollars. */
  titleI?: number;
  /** Replace the Revenue amount of State Aid (a string makes it invalid). */
  stateAid?: Cell;
}

export function smallDistrict(o: SmallOptions = {}): RawTables {
  let schools: [string, string, number, number, number][] = [
    ["S1", "Adams Elementary", 400, 300, 2_400_000],
    ["S2", "Baker Elementary", 300, 60, 1_700_000],
    ["S3", "Carver High", 900, 400, 6_900_000],
  ];
  for (const [id, name, students, poverty] of o.extra ?? []) schools.push([id, name, students, poverty, 1_000_000]);
  if (o.without) schools = schools.filter((s) => s[0] !== o.without);
  const level = (id: string) => (id === "S3" ? "High" : "Elementary");
  return {
    schools: t("Schools", ["School ID", "School Name", "Current Budget"], schools.map(([id, name, , , cur]) => [id, name, cur])),
    enrollment: t("Enrollment", ["School ID", "Level", "Students", "Poverty"], schools.map(([id, , n, p]) => [id, level(id), n, p])),
    weights: t("Weights", ["Category", "Level", "Weight"], [
      ["Base", "Elementary", 1],
      ["Base", "High", 1.2],
      ["Poverty", "All", 0.4],
    ]),
    revenue: t("Revenue", ["Source", "Type", "Amount", "Status", "Funds"], [
      ["State Aid", "State", o.stateAid ?? 10_000_000, "Unlocked", "All"],
      ["Title I", "Federal", o.titleI ?? 600_000, "Grant", "Poverty"],
      ["Central Office", "Local", 500_000, "Locked", "All"],
    ]),
  };
}
