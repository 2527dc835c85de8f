/**
 * Output safety for every command: the input is never written, and a run writes all of its files or none.
 *
 * 1. `checkOutputs` refuses, before any work starts, an output path that is the input (compared by real path, so
 *    a symbolic link or another spelling of the same file is caught), the same as another output, inside the input
 *    path, an existing folder (for a file) or a file (for a folder), too long for the file system, or not writable
 *    (probed by creating and removing a file in the folder that would hold it).
 * 2. `OutputSet` stages every file of the run as a temporary file in its target folder; `commit` renames them into
 *    place only once all of them were written. Files that existed are moved aside first and put back if a rename
 *    fails, so a failed run leaves no new or changed file. Folders created for the run are removed again.
 * 3. File-system errors become `OutputError`s: a plain message naming the path, never a stack trace.
 */
import { constants, promises as fsp } from "fs";
import * as path from "path";

/** The file-system calls the output code makes (injected by tests to simulate a full disk or a failing rename). */
export interface OutputFs {
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  rmdir(dir: string): Promise<void>;
  open(file: string): Promise<void>;
}

export const nodeFs: OutputFs = {
  writeFile: (f, d) => fsp.writeFile(f, d),
  rename: (a, b) => fsp.rename(a, b),
  rm: (f) => fsp.rm(f, { force: true }),
  mkdir: async (d) => {
    await fsp.mkdir(d);
  },
  rmdir: (d) => fsp.rmdir(d),
  open: async (f) => {
    const h = await fsp.open(f, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
    await h.close();
  },
};

/** A problem with an output path or with writing it: a plain message; exit status 2 (the user can fix it) or 1. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "OutputError";
  }
}

/** One output of a command: a file (`--out result.xlsx`, `--json summary.json`) or a folder (`calculators --out`). */
export interface OutputSpec {
  /** The option that named it, e.g. "--out". */
  option: string;
  /** Absolute path. */
  path: string;
  kind: "file" | "folder";
}

/** Longest file name most file systems accept, in UTF-8 bytes; temporary names add up to TEMP_SUFFIX_BYTES. */
export const MAX_NAME_BYTES = 255;
export const TEMP_SUFFIX_BYTES = 24;

const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "the operation is not permitted (permission denied or the file is locked)",
  EROFS: "the file system is read-only",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file with that name already exists",
  ENOENT: "the folder does not exist",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  ENAMETOOLONG: "the name is too long for the file system",
  EBUSY: "the file is in use",
  EMFILE: "too many files are open",
  EIO: "an input/output error",
};

/** The plain reason for a file-system error code. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return (code && WHY[code]) || (e instanceof Error ? e.message.replace(/^\w+: /, "") : String(e));
}

/** An OutputError for a failed file-system call on `file`: 2 for what the user can fix in the command, 1 otherwise. */
export function outputFailure(what: string, file: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code ?? "";
  const usage = ["EACCES", "EPERM", "EROFS", "EISDIR", "ENOTDIR", "EEXIST", "ENOENT", "ENAMETOOLONG"].includes(code);
  return new OutputError(`sfs: cannot ${what} ${file}: ${fsReason(e)}${code ? ` (${code})` : ""}; nothing was written.`, usage ? 2 : 1);
}

/** Real path of `p` even when it does not exist yet: the deepest existing ancestor resolved, the rest appended. */
async function realish(p: string): Promise<{ real: string; existing: string; exists: boolean }> {
  let head = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await fsp.realpath(head);
      return { real: path.join(real, ...rest), existing: real, exists: rest.length === 0 };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "ENAMETOOLONG" && code !== "EACCES") throw outputFailure("use", p, e);
      const parent = path.dirname(head);
      if (parent === head) return { real: path.join(head, ...rest), existing: head, exists: false };
      rest.unshift(path.basename(head));
      head = parent;
    }
  }
}

/** Same file on a case-insensitive file system, or a hard link: compare device and inode when both exist. */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

function nameTooLong(p: string): string | null {
  for (const part of p.split(path.sep)) if (Buffer.byteLength(part, "utf8") > MAX_NAME_BYTES - TEMP_SUFFIX_BYTES) return part;
  return null;
}

/** Can a file be created in `dir` (an existing folder)? Probed with a real file, removed at once. */
async function probeFolder(dir: string, fsi: OutputFs): Promise<unknown> {
  const probe = path.join(dir, `.sfs-probe-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await fsi.open(probe);
  } catch (e) {
    return e;
  }
  await fsi.rm(probe).catch(() => undefined);
  return null;
}

/**
 * Check the outputs of a run against its inputs and each other before any work starts. Throws OutputError with
 * one plain message (exit status 2) for the first problem found.
 */
export async function checkOutputs(inputs: string[], outputs: OutputSpec[], fsi: OutputFs = nodeFs): Promise<void> {
  const ins = await Promise.all(inputs.map(async (p) => ({ path: p, ...(await realish(p)) })));
  const outs = await Promise.all(outputs.map(async (o) => ({ ...o, ...(await realish(o.path)) })));
  const bad = (o: OutputSpec, why: string) => new OutputError(`sfs: ${o.option} ${o.path}: ${why}; nothing was written.`, 2);
  for (const o of outs) {
    for (const i of ins) {
      if (o.real === i.real || (o.exists && (await sameFile(o.real, i.real))))
        throw bad(o, `this is the input workbook ${i.path}; the input is never written — choose another file name`);
      if (isInside(o.real, i.real)) throw bad(o, `this is inside the input file ${i.path}, which is a file, not a folder`);
    }
  }
  // Two outputs are the same file when their real paths agree, ignoring case (as Windows and macOS do).
  const seen = new Map<string, (typeof outs)[number]>();
  for (const b of outs) {
    const a = seen.get(b.real.toLowerCase());
    if (a) throw bad(b, `this is the same file as ${a.option} ${a.path}; give each output its own name`);
    seen.set(b.real.toLowerCase(), b);
  }
  const folders = outs.filter((o) => o.kind === "folder");
  for (const f of folders)
    for (const o of outs) if (o !== f && o.kind === "file" && isInside(o.real, f.real) && o.option !== f.option)
      throw bad(o, `this is inside the ${f.option} folder ${f.path}; choose a path outside it`);
  const probed = new Set<string>();
  for (const o of outs) {
    const long = nameTooLong(o.real);
    if (long !== null) throw bad(o, `the name "${long.length > 40 ? long.slice(0, 40) + "…" : long}" is too long for the file system (at most ${MAX_NAME_BYTES - TEMP_SUFFIX_BYTES} bytes)`);
    let st: import("fs").Stats | null = null;
    try {
      st = o.exists ? await fsp.stat(o.real) : null;
    } catch {
      st = null;
    }
    if (st && o.kind === "file" && st.isDirectory()) throw bad(o, "this is an existing folder; give a file name (for example result.xlsx)");
    if (st && o.kind === "folder" && !st.isDirectory()) throw bad(o, "this is an existing file; give a folder for the calculators");
    // The folder that will hold the file (or the folder itself), or its deepest existing ancestor.
    const holder = o.exists ? (o.kind === "folder" ? o.real : path.dirname(o.real)) : o.existing;
    let holderStat: import("fs").Stats;
    try {
      holderStat = await fsp.stat(holder);
    } catch (e) {
      throw bad(o, `cannot reach ${holder}: ${fsReason(e)}`);
    }
    if (!holderStat.isDirectory()) throw bad(o, `${holder} is a file, not a folder`);
    if (probed.has(holder)) continue;
    probed.add(holder);
    const problem = await probeFolder(holder, fsi);
    if (problem) throw bad(o, `cannot write in ${holder}: ${fsReason(problem)}`);
  }
}

interface Staged {
  target: string;
  temp: string;
  /** Where the file that was at `target` waits during commit (null when there was none). */
  aside: string | null;
}

let counter = 0;
function tempName(target: string, tag: string): string {
  counter++;
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}${process.pid.toString(36)}${counter.toString(36)}.tmp`);
}

/**
 * The files of one run: each is written to a temporary file next to its target, and `commit` renames all of them
 * into place only when every one was written. `abort` removes temporaries and the folders the run created.
 */
export class OutputSet {
  private readonly staged: Staged[] = [];
  private readonly createdDirs: string[] = [];
  private done = false;

  constructor(private readonly fsi: OutputFs = nodeFs) {}

  /** Create `dir` and its missing parents, remembering them so `abort` can remove them again. */
  async ensureDir(dir: string): Promise<void> {
    const missing: string[] = [];
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
      try {
        const st = await fsp.stat(d);
        if (!st.isDirectory()) throw new OutputError(`sfs: cannot create the folder ${dir}: ${d} is a file; nothing was written.`, 2);
        break;
      } catch (e) {
        if (e instanceof OutputError) throw e;
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw outputFailure("create the folder", dir, e);
        missing.unshift(d);
        if (path.dirname(d) === d) break;
      }
    }
    for (const d of missing) {
      try {
        await this.fsi.mkdir(d);
      } catch (e) {
        throw outputFailure("create the folder", d, e);
      }
      this.createdDirs.push(d);
    }
  }

  /** Stage `data` for `target`. */
  async stage(target: string, data: string | Uint8Array): Promise<void> {
    await this.stageWith(target, (temp) => this.fsi.writeFile(temp, data));
  }

  /** Stage a file that `write` produces at the temporary path it is given (for writers that stream to disk). */
  async stageWith<T>(target: string, write: (temp: string) => Promise<T>): Promise<T> {
    const file = path.resolve(target);
    await this.ensureDir(path.dirname(file));
    const temp = tempName(file, "");
    this.staged.push({ target: file, temp, aside: null });
    try {
      return await write(temp);
    } catch (e) {
      if (e instanceof OutputError) throw e;
      if ((e as NodeJS.ErrnoException | null)?.code) throw outputFailure("write", file, e);
      throw e;
    }
  }

  /** Temporary files written so far (for tests). */
  get temporaries(): string[] {
    return this.staged.map((s) => s.temp);
  }

  /** Rename every staged file into place; on failure put everything back as it was and throw OutputError. */
  async commit(): Promise<string[]> {
    const moved: Staged[] = [];
    try {
      for (const s of this.staged) {
        const aside = tempName(s.target, "old");
        try {
          await this.fsi.rename(s.target, aside);
          s.aside = aside;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw outputFailure("replace", s.target, e);
        }
        try {
          await this.fsi.rename(s.temp, s.target);
        } catch (e) {
          if (s.aside) await this.fsi.rename(s.aside, s.target).catch(() => undefined);
          s.aside = null;
          throw outputFailure("write", s.target, e);
        }
        moved.push(s);
      }
    } catch (e) {
      for (const s of moved.reverse()) {
        await this.fsi.rm(s.target).catch(() => undefined);
        if (s.aside) await this.fsi.rename(s.aside, s.target).catch(() => undefined);
      }
      await this.abort();
      throw e;
    }
    for (const s of this.staged) if (s.aside) await this.fsi.rm(s.aside).catch(() => undefined);
    this.done = true;
    return this.staged.map((s) => s.target);
  }

  /** Remove every temporary file and the folders this run created (best effort, never throws). */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const s of this.staged) await this.fsi.rm(s.temp).catch(() => undefined);
    for (const d of [...this.createdDirs].reverse()) await this.fsi.rmdir(d).catch(() => undefined);
  }
}

/** Run `work` with a fresh OutputSet; temporaries are removed whatever happens unless `work` committed them. */
export async function withOutputs<T>(work: (outputs: OutputSet) => Promise<T>, fsi: OutputFs = nodeFs): Promise<T> {
  const outputs = new OutputSet(fsi);
  try {
    return await work(outputs);
  } finally {
    await outputs.abort();
  }
}
