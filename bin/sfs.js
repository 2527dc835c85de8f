#!/usr/bin/env node
// The `sfs` command. Runs the TypeScript sources directly through tsx, so it works right after `npm install`
// with no build step.
"use strict";
const path = require("path");
require("tsx/cjs/api").register();
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sfs: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
