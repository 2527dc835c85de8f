#!/usr/bin/env node
// The `sfs` command. Runs the compiled command line (dist-cli/sfs.js, built by `npm install` / `npm ci` through the
// `prepare` script) when it is newer than every source file; otherwise (a checkout being edited, or no build) it runs
// the TypeScript sources directly through tsx. SFS_FROM_SOURCE=1 forces the sources.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const compiled = path.join(root, "dist-cli", "sfs.js");

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newest(p));
    else max = Math.max(max, fs.statSync(p).mtimeMs);
  }
  return max;
}

function loadCli() {
  if (process.env.SFS_FROM_SOURCE !== "1") {
    let built = 0;
    try {
      built = fs.statSync(compiled).mtimeMs;
    } catch {
      built = 0;
    }
    const vendor = fs.existsSync(path.join(root, "dist-cli", "exceljs.js"));
    if (built > 0 && vendor && built >= newest(path.join(root, "src"))) return require(compiled);
  }
  require("tsx/cjs/api").register();
  return require(path.join(root, "src", "cli", "main.ts"));
}

// A reader that stops early (`sfs allocate ... | head`) closes the pipe: stop printing quietly, keep the exit status.
let closed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED")) closed = true;
    else process.exit(1);
  });
}
const guard = (stream) => ({ write: (s) => (closed ? true : stream.write(s)) });
const debug = process.argv.includes("--debug");

try {
  const { main } = loadCli();
  main(process.argv.slice(2), { stdout: guard(process.stdout), stderr: guard(process.stderr), cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => fail(err),
  );
} catch (err) {
  fail(err);
}

function fail(err) {
  const message = err && err.message ? String(err.message).split("\n")[0] : String(err);
  if (!closed) {
    process.stderr.write(`sfs: internal error: ${message}\n`);
    process.stderr.write(debug && err && err.stack ? `${err.stack}\n` : "  Run the same command with --debug to see the details.\n");
  }
  process.exitCode = 1;
}
