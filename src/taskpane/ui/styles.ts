import { tokens, type GriffelStyle } from "@fluentui/react-components";

// Style rules shared by the pane's views and panels. Each component's makeStyles names the ones it uses (a slot may
// be one of these as it is); Griffel emits one atomic class per rule, so a shared rule is the same class everywhere.

/** Below this pane width tables drop secondary columns and use smaller type (Excel's pane is 350 px). */
export const NARROW = "@container (max-width: 479px)";

/** A view's or a panel's sections, one under the other. */
export const column: GriffelStyle = { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS };
/** A view's heading. */
export const heading: GriffelStyle = { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 };
/** A panel's (or a section's) heading inside a view. */
export const subheading: GriffelStyle = { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 };
/** A row of buttons that wraps in a narrow pane. */
export const actionRow: GriffelStyle = { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS };
/** Secondary text: hints, explanations. */
export const note: GriffelStyle = { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 };
/** A list without bullets, its items one under the other. */
export const plainList: GriffelStyle = { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS };
/** A bulleted list (problems, findings), its items slightly apart. */
export const bulletList: GriffelStyle = { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS };
/** A named item of a list: takes the room left and breaks long names anywhere. */
export const itemName: GriffelStyle = { flexGrow: 1, overflowWrap: "anywhere" };
/** Around a table: it scrolls sideways rather than widening the pane. */
export const scrollX: GriffelStyle = { overflowX: "auto" };
/** A number cell: right-aligned, figures lined up, never wrapped. */
export const num: GriffelStyle = { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" };
/** A sortable numeric header: lines up with its right-aligned numbers. */
export const numHead: GriffelStyle = { "& > button, & > div": { justifyContent: "flex-end", textAlign: "right" } };
/** Table cells in a narrow pane: tighter and smaller type. */
export const narrowCells: GriffelStyle = { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 };
/** Left out in a narrow pane. */
export const wideOnly: GriffelStyle = { [NARROW]: { display: "none" } };
/** A change for the better / for the worse. */
export const gain: GriffelStyle = { color: tokens.colorPaletteGreenForeground1 };
export const loss: GriffelStyle = { color: tokens.colorPaletteRedForeground1 };
/** From this pane width up, the wide layout: the views listed down the side, more columns in tables. */
export const WIDE = "@container sfs-pane (min-width: 500px)";
/** Below the wide layout (the complement of WIDE). */
export const NARROW_NAV = "@container sfs-pane (max-width: 499.98px)";
