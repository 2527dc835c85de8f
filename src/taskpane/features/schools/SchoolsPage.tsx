import { makeStyles } from "@fluentui/react-components";
import { createCalculator, downloadCalculatorInstead } from "../calculators/actions";
import { useEnv, useStudio } from "../../store/root";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { column, heading } from "../../ui/styles";
import { SchoolDetail } from "./SchoolDetail";
import { SchoolTable } from "./SchoolTable";

const useStyles = makeStyles({ root: column, h: heading });

/** Every school's budget (sortable, selectable) and, for one school, how it was calculated. */
export function SchoolsPage() {
  const s = useStyles();
  const env = useEnv();
  const allocation = useStudio((x) => x.allocation.allocation);
  const { detail, selected } = useStudio((x) => x.schools);
  const calculator = useStudio((x) => x.calculators);
  const reading = useStudio((x) => x.inputs.reading);
  if (!allocation) return <NeedsAllocation title="Schools" />;
  return (
    <section className={s.root} aria-labelledby="sfs-schools">
      <h2 id="sfs-schools" className={s.h}>
        Schools
      </h2>
      {detail !== null && detail < allocation.schools.length && (
        <SchoolDetail
          allocation={allocation}
          index={detail}
          onClose={() => env.dispatch({ type: "schools/detail", index: null })}
          calculator={{
            state: calculator,
            canBuild: !reading && allocation.errors.length === 0,
            onCreate: (i) => void createCalculator(env, i),
            onDownloadInstead: () => void downloadCalculatorInstead(env),
          }}
        />
      )}
      <SchoolTable
        allocation={allocation}
        selected={selected}
        onSelect={(indexes) => env.dispatch({ type: "schools/select", indexes })}
        onOpen={(index) => env.dispatch({ type: "schools/detail", index })}
      />
    </section>
  );
}
