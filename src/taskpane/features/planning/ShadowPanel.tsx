import { useMemo, useState } from "react";
import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import type { ShadowNotice, ShadowRow } from "../../../analysis/plan";
import { money, signedMoney, signedPercent } from "../../ui/format";
import { usePlanStyles } from "./styles";

export type ShadowKey = "name" | "total" | "turnedOn" | "gap" | "gapShare";
export type ShadowOrder = { key: ShadowKey; dir: "ascending" | "descending" };

/** The orders the "Sort by" list offers (a list rather than sortable headers keeps the columns narrow enough for 350 px). */
export const SHADOW_ORDERS: { value: string; label: string; order: ShadowOrder }[] = [
  { value: "gain", label: "Largest gain first", order: { key: "gap", dir: "descending" } },
  { value: "loss", label: "Largest loss first", order: { key: "gap", dir: "ascending" } },
  { value: "share", label: "Largest gain in % first", order: { key: "gapShare", dir: "descending" } },
  { value: "name", label: "School name", order: { key: "name", dir: "ascending" } },
  { value: "total", label: "This year, largest first", order: { key: "total", dir: "descending" } },
  { value: "turnedOn", label: "Turned on, largest first", order: { key: "turnedOn", dir: "descending" } },
];

/** Sort the shadow rows; a gap % that cannot be computed (no budget this year) always sorts last. */
export function sortShadow(rows: readonly ShadowRow[], order: ShadowOrder): ShadowRow[] {
  const sign = order.dir === "ascending" ? 1 : -1;
  const at = new Map(rows.map((r, i) => [r, i]));
  const index = (r: ShadowRow) => at.get(r) ?? 0;
  return [...rows].sort((x, y) => {
    if (order.key === "name") return sign * x.name.localeCompare(y.name) || index(x) - index(y);
    const a = x[order.key];
    const b = y[order.key];
    if (a === null && b === null) return index(x) - index(y);
    if (a === null) return 1;
    if (b === null) return -1;
    return sign * (a - b) || x.name.localeCompare(y.name);
  });
}

/**
 * The shadow notice (as LAUSD publishes it): every school's budget this year beside its budget with the formula turned on
 * and the gap, in the order the user picks.
 */
export function ShadowPanel({ notice, label }: { notice: ShadowNotice; label: string }) {
  const s = usePlanStyles();
  const [orderValue, setOrderValue] = useState("gain");
  const order = (SHADOW_ORDERS.find((o) => o.value === orderValue) ?? SHADOW_ORDERS[0]).order;
  const rows = useMemo(() => sortShadow(notice.rows, order), [notice, order]);
  const t = notice.totals;
  const tone = (v: number) => (v > 0 ? s.gain : v < 0 ? s.loss : undefined);
  return (
    <div className={s.col}>
      <Text size={200}>
        {label}: with the formula turned on, {t.gainers === 1 ? "1 school" : `${t.gainers} schools`} would gain {money(t.gain)} and{" "}
        {t.losers === 1 ? "1 school" : `${t.losers} schools`} would give up {money(t.loss)} (all schools: {money(t.total)} this year, {money(t.turnedOn)}{" "}
        turned on). This year's budgets include hold harmless, the minimum operating budget, the gain cap, phase-in and the revenue trigger; the formula
        turned on is before all of them.
      </Text>
      <Field label="Sort by" size="small">
        <Select size="small" aria-label="Sort the shadow notice by" value={orderValue} onChange={(_, d) => setOrderValue(d.value)}>
          {SHADOW_ORDERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label="Shadow notice">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>School</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>
                This year<span className={mergeClasses(s.sub, s.narrowOnly)}>on = turned on</span>
              </TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.numHead, s.wideOnly)}>Turned on</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>Gap</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.numHead, s.wideOnly)}>Gap %</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  {r.name}
                  {r.adjustment && <span className={s.sub}>{r.adjustment}</span>}
                </TableCell>
                <TableCell className={s.num}>
                  {money(r.total)}
                  <span className={mergeClasses(s.sub, s.narrowOnly)}>on {money(r.turnedOn)}</span>
                </TableCell>
                <TableCell className={mergeClasses(s.num, s.wideOnly)}>{money(r.turnedOn)}</TableCell>
                <TableCell className={mergeClasses(s.num, tone(r.gap))}>{signedMoney(r.gap)}</TableCell>
                <TableCell className={mergeClasses(s.num, s.wideOnly, tone(r.gap))}>{r.gapShare === null ? "—" : signedPercent(r.gapShare)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
