/**
 * The generated parts of docs/CONTRACT.md: the input tables and their columns (from src/engine/tables.ts) and the
 * Policy settings (from src/engine/policySettings.ts). `npm run docs:contract` rewrites them in place; a test
 * fails when the file is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { POLICY_SETTINGS, type SettingFeature, type SettingSpec } from "../src/engine/policySettings";
import { CONTRACT_TABLES, INPUT_TABLES, TABLE_SPECS, type InputTable } from "../src/engine/tables";

export const CONTRACT_PATH = "docs/CONTRACT.md";

function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

/** One input table: heading, purpose, and its columns. */
function tableSection(name: InputTable): string {
  const t = TABLE_SPECS[name];
  const origin = (CONTRACT_TABLES as readonly string[]).includes(name) ? "" : ", an extension of this project";
  const lines = [
    `### \`${t.name}\` (${t.required ? "required" : "optional"}${origin})`,
    t.purpose,
    "",
    "| column | required | also accepted | meaning |",
    "|---|---|---|---|",
    ...t.columns.map((c) => `| ${cell(c.name)} | ${c.required ? "yes" : "no"} | ${cell((c.aliases ?? []).join(", "))} | ${cell(c.meaning ?? "")} |`),
  ];
  if (t.otherColumns) lines.push(`| any other column | no | | ${cell(t.otherColumns)} |`);
  return lines.join("\n");
}

/** Every input table, contract tables first. */
export function inputTablesMarkdown(): string {
  return INPUT_TABLES.map(tableSection).join("\n\n");
}

const FEATURE_WORDS: Record<SettingFeature, string> = { allocation: "allocation", calculators: "calculators", aroi: "A-ROI", planning: "multi-year plan", survey: "stakeholder survey" };

function range(s: SettingSpec): string {
  const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;
  const fmt = (x: number) => (s.kind === "percent" ? pct(x) : s.kind === "money" ? `$${x / 100}` : String(x));
  if (s.choices) return s.choices.map((c) => `\`${c.value}\``).join(" or ");
  if (s.min !== undefined && s.max !== undefined) return `${fmt(s.min)} to ${fmt(s.max)}`;
  if (s.min !== undefined) return `≥ ${fmt(s.min).replace("-", "−")}`;
  return "";
}

/** The Policy settings: name, unit, range, what blank means, who uses it and what it does. */
export function policySettingsMarkdown(): string {
  return [
    "| setting | unit | range | blank or absent | used by | meaning |",
    "|---|---|---|---|---|---|",
    ...POLICY_SETTINGS.map((s) => {
      const name = s.suffix ? `${s.name} [${s.suffix}]` : s.name;
      const aka = s.aliases.length ? ` (also ${s.aliases.join(", ")})` : "";
      return `| ${cell(name + aka)} | ${cell(s.unit)} | ${cell(range(s))} | ${cell(s.blankMeans)} | ${s.features.map((f) => FEATURE_WORDS[f]).join(", ")} | ${cell(s.help)} |`;
    }),
  ].join("\n");
}

const BLOCKS: Record<string, () => string> = { tables: inputTablesMarkdown, "policy-settings": policySettingsMarkdown };

/** The text with every generated block (between `<!-- generated:NAME -->` and `<!-- /generated -->`) rewritten. */
export function withGeneratedBlocks(text: string): string {
  return text.replace(/(<!-- generated:([a-z-]+) -->\n)[\s\S]*?(<!-- \/generated -->)/g, (_, open: string, name: string, close: string) => {
    const make = BLOCKS[name];
    if (!make) throw new Error(`unknown generated block "${name}"`);
    return `${open}${make()}\n${close}`;
  });
}

/** The names of the generated blocks the text holds. */
export function generatedBlockNames(text: string): string[] {
  return [...text.matchAll(/<!-- generated:([a-z-]+) -->/g)].map((m) => m[1]);
}

if (require.main === module) {
  const path = resolve(__dirname, "..", CONTRACT_PATH);
  const before = readFileSync(path, "utf8");
  const after = withGeneratedBlocks(before);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(after === before ? `${CONTRACT_PATH} is up to date\n` : `${CONTRACT_PATH} rewritten\n`);
}
