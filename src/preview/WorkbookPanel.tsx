import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Select, Switch, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MemoryHost, MemorySheet } from "../host/memory";
import { columnLetter } from "../report/names";
import { sheetGrid } from "./grid";
import { SheetCharts } from "./SheetCharts";

/** With more sheets than this, a "Go to sheet" list joins the tab strip. */
export const PICKER_FROM = 8;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
  },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  h: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  nav: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS, minWidth: 0 },
  // The tab strip scrolls sideways inside the panel (like Excel's), whatever the number of sheets.
  tabs: {
    flexGrow: 1,
    flexBasis: "320px",
    minWidth: 0,
    overflowX: "auto",
    overflowY: "hidden",
    scrollbarWidth: "thin",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabList: { flexWrap: "nowrap", width: "max-content" },
  tab: { whiteSpace: "nowrap" },
  input: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  picker: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: "180px", maxWidth: "100%" },
  pickerLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  scroller: {
    overflow: "auto",
    maxHeight: "calc(100vh - 170px)",
    minHeight: "200px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    "@media (max-width: 760px)": { maxHeight: "70vh" },
  },
  grid: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1 },
  cell: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `2px ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    maxWidth: "260px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    position: "sticky",
    top: 0,
    zIndex: 1,
  },
  rowHead: { position: "sticky", left: 0, zIndex: 1, textAlign: "right", minWidth: "28px" },
  corner: { zIndex: 2, left: 0 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  total: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

export interface WorkbookPanelProps {
  host: MemoryHost;
  /** The preview's theme switch; shown when given. */
  theme?: "light" | "dark";
  onThemeChange?: (theme: "light" | "dark") => void;
}

/** "Schools" for a tool sheet, "Schools (input)" for a user's input sheet: the tab's text and accessible name. */
export function tabLabel(sheet: MemorySheet): string {
  return sheet.own ? sheet.name : `${sheet.name} (input)`;
}

type Grid = ReturnType<typeof sheetGrid>;
type Selection = ReturnType<MemoryHost["selection"]>;

/** The workbook's sheets and selection, re-rendered whenever a sheet is added, written or removed or the selection moves. */
function useWorkbook(host: MemoryHost) {
  const version = useSyncExternalStore(
    (cb) => host.subscribe(cb),
    () => host.sheets().map((x) => `${x.name}:${x.own}:${x.plan ? x.plan.cells.length : x.tables.length}`).join("|") + (host.selection()?.address ?? ""),
  );
  return { version, sheets: host.sheets(), selection: host.selection() };
}

/** The heading and, when offered, the theme switch. */
function PreviewBar({ title, theme, onThemeChange }: { title: string } & Omit<WorkbookPanelProps, "host">) {
  const s = useStyles();
  return (
    <div className={s.bar}>
      <h2 className={s.h}>{title}</h2>
      {onThemeChange ? <Switch label="Dark theme" checked={theme === "dark"} onChange={(_, d) => onThemeChange(d.checked ? "dark" : "light")} /> : null}
    </div>
  );
}

interface SheetNavProps {
  sheets: MemorySheet[];
  current: string;
  version: string;
  onChoose: (name: string) => void;
}

/** The sheet tabs; the shown sheet's tab is kept in view. */
function SheetTabs({ sheets, current, version, onChoose }: SheetNavProps) {
  const s = useStyles();
  const strip = useRef<HTMLDivElement>(null);
  // Keep the shown sheet's tab in view when it is chosen from the list or by a selected problem cell.
  // (Found by name: Fluent moves aria-selected to the new tab only after this effect has run.)
  useEffect(() => {
    const el = Array.from(strip.current?.querySelectorAll<HTMLElement>("[data-sheet]") ?? []).find((t) => t.dataset.sheet === current);
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [current, version]);
  return (
    <div className={s.tabs} ref={strip}>
      <TabList className={s.tabList} size="small" selectedValue={current} onTabSelect={(_, d) => onChoose(String(d.value))} aria-label="Sheets">
        {sheets.map((x) => (
          <Tab key={x.name} value={x.name} className={s.tab} data-sheet={x.name}>
            {x.name}
            {x.own ? "" : <span className={s.input}> (input)</span>}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}

/** "Go to sheet": the input tables, then the sheets written by the tool. */
function SheetPicker({ sheets, current, onChoose }: Omit<SheetNavProps, "version">) {
  const s = useStyles();
  const inputs = sheets.filter((x) => !x.own);
  const own = sheets.filter((x) => x.own);
  const group = (label: string, list: MemorySheet[]) =>
    list.length > 0 && (
      <optgroup label={label}>
        {list.map((x) => (
          <option key={x.name} value={x.name}>
            {x.name}
          </option>
        ))}
      </optgroup>
    );
  return (
    <label className={s.picker}>
      <span className={s.pickerLabel}>Go to sheet ({sheets.length})</span>
      <Select size="small" value={current} onChange={(_, d) => onChoose(d.value)} aria-label="Go to sheet">
        {group("Input tables", inputs)}
        {group("Written by the tool", own)}
      </Select>
    </label>
  );
}

/** The sheet's cells as a grid with column letters and row numbers; the selected cell is outlined. */
function SheetGrid({ sheet, grid, selection }: { sheet: MemorySheet; grid: Grid; selection: Selection }) {
  const s = useStyles();
  const styleClass = (style?: string) => (style === "title" ? s.title : style === "good" ? s.good : style === "bad" ? s.bad : style === "total" ? s.total : style === "note" ? s.note : undefined);
  return (
    <div className={s.scroller} tabIndex={0} role="group" aria-label={`Cells of ${tabLabel(sheet)}, scrollable`}>
      <table className={s.grid} aria-label={`Sheet ${sheet.name}`}>
        <thead>
          <tr>
            <th className={mergeClasses(s.cell, s.head, s.rowHead, s.corner)} />
            {Array.from({ length: grid.cols }, (_, c) => (
              <th key={c} className={mergeClasses(s.cell, s.head)} scope="col">
                {columnLetter(c + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: grid.rows }, (_, r) => (
            <tr key={r}>
              <th className={mergeClasses(s.cell, s.head, s.rowHead)} scope="row">
                {r + 1}
              </th>
              {Array.from({ length: grid.cols }, (_, c) => {
                const cell = grid.cells.get(`${r}:${c}`);
                const selected = selection?.sheet === sheet.name && selection.address.toUpperCase() === `${columnLetter(c + 1)}${r + 1}`;
                return (
                  <td
                    key={c}
                    className={mergeClasses(s.cell, cell?.numeric && s.num, cell?.header && s.header, styleClass(cell?.style), selected && s.selected)}
                    aria-selected={selected || undefined}
                    title={cell && cell.text.length > 30 ? cell.text : undefined}
                  >
                    {cell?.text ?? ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A read-only view of the in-memory workbook: its sheets as tabs, the chosen sheet as a grid. */
export function WorkbookPanel({ host, theme, onThemeChange }: WorkbookPanelProps) {
  const s = useStyles();
  const { version, sheets, selection } = useWorkbook(host);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = sheets.find((x) => x.name === chosen) ?? sheets.find((x) => x.name === selection?.sheet) ?? sheets[0];

  if (!current) {
    return (
      <section className={s.root} aria-label="Workbook preview" data-version={version}>
        <PreviewBar title="Workbook preview" theme={theme} onThemeChange={onThemeChange} />
        <Text className={s.note}>The workbook is empty. Insert the sample district from the pane to begin.</Text>
      </section>
    );
  }
  const grid = sheetGrid(current);
  return (
    <section className={s.root} aria-label="Workbook preview" data-version={version}>
      <PreviewBar title="Workbook preview (read-only)" theme={theme} onThemeChange={onThemeChange} />
      <div className={s.nav}>
        <SheetTabs sheets={sheets} current={current.name} version={version} onChoose={setChosen} />
        {sheets.length > PICKER_FROM && <SheetPicker sheets={sheets} current={current.name} onChoose={setChosen} />}
      </div>
      <SheetGrid sheet={current} grid={grid} selection={selection} />
      {grid.clipped && <Text className={s.note}>Only the top-left part of this sheet is shown.</Text>}
      {current.plan && current.plan.charts.length > 0 && <SheetCharts plan={current.plan} theme={theme ?? "light"} />}
    </section>
  );
}
