/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import JSZip from "jszip";
import { allocate } from "../../../../src/engine/allocate";
import { schoolAtFixedRates } from "../../../../src/report/calculator/model";
import { parseDistrict } from "../../../../src/engine/parse";
import { createMemoryHost, type MemoryHost } from "../../../../src/host/memory";
import { XLSX_MIME, ZIP_MIME } from "../../../../src/host/types";
import { calculatorFileNames } from "../../../../src/xlsx/calculators";
import { smallDistrict } from "../../fixture";
import { allocateNow, goTo, renderApp } from "../../helpers";

function allocation() {
  const p = parseDistrict(smallDistrict());
  if (!p.ok) throw new Error("fixture does not parse");
  return allocate(p.district);
}

/** The defined names of an .xlsx and the cached value of the cell Total_Budget refers to. */
async function totalBudget(bytes: Uint8Array): Promise<{ names: string[]; cached: number | null }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...workbook.matchAll(/<definedName[^>]*name="([^"]+)"[^>]*>([^<]*)</g)];
  const total = names.find((m) => m[1] === "Total_Budget");
  if (!total) return { names: names.map((m) => m[1]), cached: null };
  // e.g. Budget!$F$30: find the sheet's part and the cell's cached <v>.
  const [, sheet, col, row] = /^'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+)$/.exec(total[2])!;
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)];
  const rid = sheets.find((m) => m[1] === sheet)![2];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const part = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "xl/");
  const xml = await zip.file(part)!.async("string");
  const cell = new RegExp(`<c r="${col}${row}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml);
  return { names: names.map((m) => m[1]), cached: cell ? Number(cell[1]) : null };
}

async function openDetail(host: MemoryHost, school: string) {
  await renderApp(host);
  await allocateNow();
  fireEvent.click(within(screen.getByRole("table", { name: "Schools" })).getByRole("button", { name: school }));
  return screen.findByRole("heading", { name: `How it was calculated: ${school}` });
}

describe("pane: school calculators", () => {
  test("Create calculator opens the selected school's workbook, whose Total_Budget is the school's total", async () => {
    const host = createMemoryHost(smallDistrict());
    await openDetail(host, "Baker Elementary");
    fireEvent.click(screen.getByRole("button", { name: "Create calculator" }));
    await screen.findByText("Calculator ready", {}, { timeout: 20000 });
    const files = host.files();
    const a = allocation();
    const index = a.schools.findIndex((s) => s.name === "Baker Elementary");
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ kind: "workbook", name: calculatorFileNames(a, [index])[0], mime: XLSX_MIME });
    expect(files[0].name).toMatch(/Baker Elementary\.xlsx$/);
    const { names, cached } = await totalBudget(files[0].bytes);
    expect(names).toContain("Total_Budget");
    // The calculator's total: the district's rules for this school at its counts, rates held fixed.
    expect(cached).toBeCloseTo(schoolAtFixedRates(a, index).total / 100, 2);
    expect(screen.getByText(/Downloaded .*Baker Elementary\.xlsx/)).toBeInTheDocument();
  }, 30000);

  test("Download all calculators (.zip) downloads one workbook per school, with progress", async () => {
    const host = createMemoryHost(smallDistrict());
    await renderApp(host);
    await allocateNow();
    goTo("Calculators");
    fireEvent.click(screen.getByRole("button", { name: "Download all calculators (.zip)" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Download all calculators (.zip)" })).toBeDisabled();
    await screen.findByText("Calculators ready", {}, { timeout: 30000 });
    const files = host.files();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ kind: "download", name: "School calculators.zip", mime: ZIP_MIME });
    const zip = await JSZip.loadAsync(files[0].bytes);
    const a = allocation();
    expect(Object.keys(zip.files).sort()).toEqual([...calculatorFileNames(a, a.schools.map((_, i) => i))].sort());
    for (const [k, s] of a.schools.entries()) {
      const bytes = await zip.file(calculatorFileNames(a, [k])[0])!.async("uint8array");
      expect({ school: s.id, cached: (await totalBudget(bytes)).cached }).toEqual({ school: s.id, cached: schoolAtFixedRates(a, k).total / 100 });
    }
    expect(screen.getByText(/3 calculators, one per school/)).toBeInTheDocument();
  }, 40000);

  test("Cancel stops the .zip and nothing is downloaded", async () => {
    const host = createMemoryHost(smallDistrict());
    await renderApp(host);
    await allocateNow();
    goTo("Calculators");
    fireEvent.click(screen.getByRole("button", { name: "Download all calculators (.zip)" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    await screen.findByText("Nothing was downloaded.", {}, { timeout: 20000 });
    expect(host.files()).toEqual([]);
    expect(screen.getByRole("button", { name: "Download all calculators (.zip)" })).toBeEnabled();
  }, 30000);

  test("when the workbook cannot be opened, the message says why and the file can be downloaded instead", async () => {
    const memory = createMemoryHost(smallDistrict());
    const host: MemoryHost = {
      ...memory,
      openWorkbook: () => Promise.reject(new Error("This version of Excel cannot open it as a new workbook (ExcelApi 1.8).")),
    };
    await openDetail(host, "Adams Elementary");
    fireEvent.click(screen.getByRole("button", { name: "Create calculator" }));
    await screen.findByText("Could not open the calculator", {}, { timeout: 20000 });
    expect(screen.getByText(/cannot open it as a new workbook \(ExcelApi 1\.8\)/)).toBeInTheDocument();
    expect(memory.files()).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Download instead" }));
    await screen.findByText("Calculator ready");
    const files = memory.files();
    expect(files.map((f) => [f.kind, f.mime])).toEqual([["download", XLSX_MIME]]);
    expect(files[0].name).toMatch(/Adams Elementary\.xlsx$/);
    expect(Array.from(files[0].bytes.slice(0, 2))).toEqual([0x50, 0x4b]); // "PK": a zip container
  }, 30000);

  test("an allocation with errors builds no calculator", async () => {
    const host = createMemoryHost(smallDistrict());
    await openDetail(host, "Adams Elementary");
    // A 100% floor on every current budget cannot be paid from the formula's pool.
    goTo("Allocation");
    fireEvent.change(screen.getByLabelText("Hold harmless"), { target: { value: "100%" } });
    await waitFor(() => expect(screen.getByText("These decisions cannot be carried out")).toBeInTheDocument());
    goTo("Schools");
    expect(screen.getByRole("button", { name: "Create calculator" })).toBeDisabled();
    goTo("Calculators");
    expect(screen.getByRole("button", { name: "Download all calculators (.zip)" })).toBeDisabled();
  });
});
