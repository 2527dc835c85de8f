import { benchEngine } from "./engine";

async function run(): Promise<void> {
  const e = benchEngine(10000);
  console.log(`engine: 10,000 schools, ${e.rows} enrollment rows, ${e.sources} sources`);
  console.log(`  allocate (median of 31)          ${e.engineMs.toFixed(2)} ms   (target < 50 ms)`);
  console.log(`  summing pass per source (median) ${e.baselineMs.toFixed(2)} ms`);
  console.log(`  ratio engine / summing pass      ${e.ratio.toFixed(2)}x   (target <= 3x)`);
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
