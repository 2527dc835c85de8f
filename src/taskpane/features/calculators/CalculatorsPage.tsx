import { useEnv, useStudio } from "../../store/root";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { cancelCalculators, downloadAllCalculators } from "./actions";
import { CalculatorsView } from "./CalculatorsView";

/** School calculators for every school, downloaded together. */
export function CalculatorsPage() {
  const env = useEnv();
  const allocation = useStudio((x) => x.allocation.allocation);
  const calculator = useStudio((x) => x.calculators);
  const reading = useStudio((x) => x.inputs.reading);
  if (!allocation) return <NeedsAllocation title="School calculators" />;
  return (
    <CalculatorsView
      calculator={calculator}
      schools={allocation.schools.length}
      canBuild={!reading && allocation.errors.length === 0}
      onDownloadAll={() => void downloadAllCalculators(env)}
      onCancel={() => cancelCalculators(env)}
    />
  );
}
