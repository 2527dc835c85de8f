import { Button, Text, makeStyles } from "@fluentui/react-components";
import { runAllocation } from "../features/allocation/actions";
import { goTo } from "../shell/navigate";
import { useEnv, useStudio } from "../store/root";
import { column, heading, note } from "./styles";

const useStyles = makeStyles({ root: column, h: heading, note });

/** What a view that shows results says before there are any: allocate here, or go where the inputs are fixed. */
export function NeedsAllocation({ title }: { title: string }) {
  const s = useStyles();
  const env = useEnv();
  const valid = useStudio((x) => x.allocation.district !== null);
  const reading = useStudio((x) => x.inputs.reading);
  return (
    <section className={s.root} aria-label={title}>
      <h2 className={s.h}>{title}</h2>
      {valid ? (
        <>
          <Text className={s.note}>The inputs are valid. Allocate to see each school&apos;s budget.</Text>
          <div>
            <Button appearance="primary" disabled={reading} onClick={() => runAllocation(env)}>
              Allocate
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text className={s.note}>This needs a workbook whose input tables are complete and valid.</Text>
          <div>
            <Button onClick={() => goTo(env, "home")}>Go to the inputs</Button>
          </div>
        </>
      )}
    </section>
  );
}
