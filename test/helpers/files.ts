/** Every file under a folder (hidden ones too) with the SHA-256 of its bytes: compare before and after a run. */
import { createHash } from "crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "fs";
import * as path from "path";

export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[rel + "/"] = "dir";
        walk(p);
      } else out[rel] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** A stack trace line as Node prints it ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
