import { benchEngine } from "./engine";
import { benchCalculators } from "./calculators";
import { benchIo } from "./io";
import { benchCli } from "./cli";

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function run(): Promise<void> {
  const e = benchEngine(10000);
  console.log(`Engine: 10,000 schools, ${e.rows.toLocaleString("en-US")} enrollment rows, ${e.sources} sources`);
  console.log(`  allocate (median of 31)             ${ms(e.engineMs)}   (target < 50 ms)`);
  console.log(`  summing pass, one per source        ${ms(e.baselineMs)}`);
  console.log(`  ratio engine / summing pass         ${e.ratio.toFixed(2)}x   (target <= 3x)`);
  const io = await benchIo(1000);
  console.log(`Workbook I/O: ${io.schools.toLocaleString("en-US")} schools (input ${mb(io.inputBytes)})`);
  console.log(`  read (ExcelJS)                      ${ms(io.readMs)}`);
  console.log(`  parse + validate                    ${ms(io.parseMs)}`);
  console.log(`  allocate (first run, cold)          ${ms(io.allocateMs)}`);
  console.log(`  build ${io.sheets.toLocaleString("en-US")} sheet plans             ${ms(io.plansMs)}`);
  console.log(`  write result workbook               ${ms(io.writeMs)}   (${mb(io.outputBytes)})`);
  const calc = await benchCalculators(1000);
  console.log("School calculators: 1,000 schools");
  console.log(`  build + write all workbooks         ${(calc.ms / 1000).toFixed(1)} s   (${(calc.ms / 1000).toFixed(1)} ms per school)`);
  console.log(`  total size                          ${mb(calc.bytes)}   (${Math.round(calc.bytes / 1000 / 1024)} KB per school)`);
  for (const line of await benchCli()) console.log(line);
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
