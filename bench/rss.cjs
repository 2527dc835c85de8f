// Preloaded into a benchmarked command (node --require): writes the process's peak memory (max RSS, KB) on exit.
"use strict";
process.on("exit", () => {
  if (process.env.SFS_BENCH_RSS) require("fs").writeFileSync(process.env.SFS_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
