import { makeStyles, tokens } from "@fluentui/react-components";
import { NARROW, column, subheading, note, num, numHead, narrowCells, wideOnly, gain, loss } from "../../ui/styles";

export { NARROW };

/** Styles shared by the planning panels. */
export const usePlanStyles = makeStyles({
  col: column,
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    tableLayout: "auto",
    [NARROW]: { "& td, & th": narrowCells },
  },
  num,
  numHead: { ...numHead, textAlign: "right" },
  wideOnly,
  narrowOnly: { display: "none", [NARROW]: { display: "block" } },
  gain,
  loss,
  note,
  sub: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // The tree's open/close control: a glyph big enough to hit, whatever the table's font size.
  toggle: { minWidth: "20px", width: "20px", height: "20px", padding: 0, fontSize: "14px", flexShrink: 0 },
  h: subheading,
  strong: { fontWeight: tokens.fontWeightSemibold },
  // Years as columns: the row labels stay in view while the years scroll sideways.
  sticky: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    minWidth: "6.5em",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset -1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  dl: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  },
});
