import { dollars } from "../../src/engine/money";
import { buildBoardPack, escapeHtml } from "../../src/report/boardPack";
import { sampleInput } from "./charts/sample";

const { input } = sampleInput();
const pack = buildBoardPack(input);
const html = pack.html;

describe("board pack (sample district)", () => {
  test("sections in order, each on its own page after the cover; the cover names the district, budget year and date", () => {
    expect(pack.sections).toEqual(["The allocation", "The funding formula", "Winners and losers", "Equity", "A-ROI and funded priorities", "Multi-year plan", "Budget tree and savings"]);
    for (const s of pack.sections) expect(html).toContain(`<h2>${escapeHtml(s)}</h2>`);
    expect(html).toMatch(/section \{ break-before: page;/);
    expect(html).toContain("<h1>sample-district</h1>");
    expect(html).toContain("for 2026-27");
    expect(html).toContain("Prepared 2 December 2026");
  });

  test("self-contained: no script, no link, no external reference of any kind; system fonts", () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\((?!#)|@font-face|src=|href=/i);
    expect(html).toMatch(/font-family: -apple-system, "Segoe UI", system-ui/);
  });

  test("every chart is inline SVG with a numbered caption that says what it shows and where the data comes from", () => {
    expect(pack.charts).toEqual(["RevenueBySource", "BudgetChange", "EquityScatter", "PovertyDeciles", "AroiBubbles", "MultiYear", "BudgetTree", "SavingsImpactEase"]);
    const figures = html.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(pack.charts.length);
    figures.forEach((f, i) => {
      expect(f).toMatch(/<svg role="img" aria-label="[^"]{20,}"/);
      expect(f).toMatch(new RegExp(`<figcaption><b>Figure ${i + 1}\\. [^<]+</b> [^<]{20,} <i>Source: [^<]+sample-district\\.xlsx`));
    });
  });

  test("the figures a board reads: pool, central, schools, school count, every school's change", () => {
    const a = input.allocation;
    expect(html).toContain(dollars(a.totals.revenue));
    expect(html).toContain(dollars(a.totals.central));
    expect(html).toContain(dollars(a.totals.schools));
    expect(html).toContain(`goes to ${a.schools.length} schools`);
    for (const s of a.schools) if (s.current !== null) expect(html).toContain(escapeHtml(s.name));
    // numbers never wrap: every numeric cell is right-aligned and nowrap
    expect(html).toMatch(/td\.n, th\.n \{ text-align: right; white-space: nowrap;/);
  });

  test("without planning inputs there is no plan section; without initiatives no A-ROI section", () => {
    const bare = buildBoardPack({ ...input, planning: null, hasPlan: false, aroi: null });
    expect(bare.sections).toEqual(["The allocation", "The funding formula", "Winners and losers", "Equity"]);
  });
});
