/** "Board pack": the printable HTML report of the current allocation, downloaded (in Excel and in the preview). */
import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEnv, useStudio } from "../store/root";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function BoardPackButton() {
  const s = useStyles();
  const env = useEnv();
  const district = useStudio((x) => x.allocation.district);
  const allocation = useStudio((x) => x.allocation.allocation);
  const tables = useStudio((x) => x.planning.tables);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!district || !allocation) return null;
  const make = async () => {
    setBusy(true);
    setStatus("Building the board pack…");
    try {
      const { boardPackFile } = await import(/* webpackChunkName: "boardpack" */ "./boardPackFile");
      const file = boardPackFile(district, allocation, tables, "the workbook");
      await env.host.download(file.name, file.bytes, "text/html");
      setStatus(`Board pack ready: ${file.name} (${file.sections.length} sections). Open it in a browser and print it (Letter or A4).`);
    } catch (e) {
      setStatus(`The board pack could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={s.row}>
      <Button disabled={busy || allocation.errors.length > 0} onClick={() => void make()}>
        Board pack
      </Button>
      <Text className={s.note} role="status">
        {status ?? `A printable report of this allocation with its charts${tables ? ", the plan" : " (analyse planning first to include the multi-year plan)"}.`}
      </Text>
    </div>
  );
}
