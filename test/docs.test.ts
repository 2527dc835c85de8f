/** docs/CONTRACT.md: its generated tables match the registries, and it stands on its own. */
import { readFileSync } from "fs";
import * as path from "path";
import { CONTRACT_PATH, generatedBlockNames, withGeneratedBlocks } from "../scripts/contract-docs";
import { POLICY_SETTINGS } from "../src/engine/policySettings";
import { INPUT_TABLES, TABLE_SPECS } from "../src/engine/tables";

const text = readFileSync(path.join(__dirname, "..", CONTRACT_PATH), "utf8");

describe("docs/CONTRACT.md", () => {
  test("holds both generated blocks, and they are up to date (npm run docs:contract rewrites them)", () => {
    expect(generatedBlockNames(text).sort()).toEqual(["policy-settings", "tables"]);
    expect(withGeneratedBlocks(text)).toBe(text);
  });

  test("every input table, column and Policy setting appears", () => {
    for (const t of INPUT_TABLES) {
      expect(text).toContain(`### \`${t}\``);
      for (const c of TABLE_SPECS[t].columns) expect(text).toContain(`| ${c.name.replace(/\|/g, "\\|")} |`);
    }
    for (const s of POLICY_SETTINGS) expect(text).toMatch(new RegExp(`^\\| ${s.name}`, "m"));
  });

  test("a stale table is caught", () => {
    const stale = text.replace("| Hold Harmless |", "| Hold Harmless Old |");
    expect(withGeneratedBlocks(stale)).not.toBe(stale);
  });

  test("no link outside the project and no word a district user does not know", () => {
    expect(text).not.toMatch(/\.\.\/shared|shared\/spec/);
    expect(text).not.toMatch(/\bseeds?\b/i);
  });
});
