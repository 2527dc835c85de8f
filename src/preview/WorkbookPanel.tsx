import { useState, useSyncExternalStore } from "react";
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MemoryHost } from "../host/memory";
import { columnLetter } from "../report/names";
import { sheetGrid } from "./grid";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0, padding: tokens.spacingHorizontalM },
  scroller: { overflow: "auto", maxHeight: "calc(100vh - 140px)", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  cell: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, padding: "2px 6px", whiteSpace: "nowrap", maxWidth: "260px", overflow: "hidden", textOverflow: "ellipsis" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, position: "sticky", top: 0 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  total: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface WorkbookPanelProps {
  host: MemoryHost;
}

/** A read-only view of the in-memory workbook: its sheets as tabs, the chosen sheet as a grid. */
export function WorkbookPanel({ host }: WorkbookPanelProps) {
  const s = useStyles();
  const version = useSyncExternalStore(
    (cb) => host.subscribe(cb),
    () => host.sheets().map((x) => `${x.name}:${x.own}:${x.plan ? x.plan.cells.length : x.tables.length}`).join("|") + (host.selection()?.address ?? ""),
  );
  const sheets = host.sheets();
  const selection = host.selection();
  const [chosen, setChosen] = useState<string | null>(null);
  const current = sheets.find((x) => x.name === chosen) ?? sheets.find((x) => x.name === selection?.sheet) ?? sheets[0];
  if (!current) {
    return (
      <section className={s.root} aria-label="Workbook preview" data-version={version}>
        <Text weight="semibold">Workbook preview</Text>
        <Text className={s.note}>The workbook is empty. Insert the sample district from the pane to begin.</Text>
      </section>
    );
  }
  const grid = sheetGrid(current);
  const styleClass = (style?: string) => (style === "title" ? s.title : style === "good" ? s.good : style === "bad" ? s.bad : style === "total" ? s.total : style === "note" ? s.note : undefined);
  return (
    <section className={s.root} aria-label="Workbook preview" data-version={version}>
      <Text weight="semibold">Workbook preview (read-only)</Text>
      <TabList size="small" selectedValue={current.name} onTabSelect={(_, d) => setChosen(String(d.value))} aria-label="Sheets">
        {sheets.map((x) => (
          <Tab key={x.name} value={x.name}>
            {x.name}
            {x.own ? "" : " (input)"}
          </Tab>
        ))}
      </TabList>
      <div className={s.scroller}>
        <table className={s.grid} aria-label={`Sheet ${current.name}`}>
          <thead>
            <tr>
              <th className={mergeClasses(s.cell, s.head)} />
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
                <th className={mergeClasses(s.cell, s.head)} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: grid.cols }, (_, c) => {
                  const cell = grid.cells.get(`${r}:${c}`);
                  const selected = selection?.sheet === current.name && selection.address.toUpperCase() === `${columnLetter(c + 1)}${r + 1}`;
                  return (
                    <td
                      key={c}
                      className={mergeClasses(s.cell, cell?.numeric && s.num, cell?.header && s.header, styleClass(cell?.style))}
                      style={selected ? { outline: `2px solid ${tokens.colorBrandStroke1}` } : undefined}
                      aria-selected={selected || undefined}
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
      {grid.clipped && <Text className={s.note}>Only the top-left part of this sheet is shown.</Text>}
      {current.plan && current.plan.charts.length > 0 && (
        <Text className={s.note}>Charts on this sheet: {current.plan.charts.map((c) => c.title).join(", ")}.</Text>
      )}
    </section>
  );
}
