/**
 * Files written as one unit with the write that records them (issue 12 item 7: 「exports write
 * all their files and the audit row as one unit, and leave no partial file」). Each file is first
 * written in full beside its target under a temporary name and flushed to the device (`stage`);
 * only when every one is there does the caller commit its audit row, and then `publish` renames
 * them all into place. A failure at any step removes every temporary file, and a rename that fails
 * half-way also removes the targets this unit had already put in place, so no target is ever
 * half-written and no `.tmp` is left behind (a full stick included).
 *
 * What it cannot do: a crash between the commit and the renames leaves the temporary files (named
 * `.<target>.<pid>.<time>.<n>.tmp`) and an audit row for an export not in place; a target that
 * existed before is replaced by the rename, and is not brought back if a later rename fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { syncFolder } from './durable-file.js';

interface Staged {
  target: string;
  temp: string;
  /** The input field that named the target, for the refusal. */
  field: string;
}

/** A failure of one file of the unit: which target, named by which field. */
export class StagedFileError extends Error {
  constructor(
    readonly target: string,
    readonly field: string,
    cause: unknown,
  ) {
    super((cause as Error).message, { cause });
  }
}

let counter = 0;

/** A hidden name beside `target`, unique in this process: `.<target>.<pid>.<time>.<n>.tmp`. */
const tempBeside = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${++counter}.tmp`);

export class StagedFiles {
  private readonly files: Staged[] = [];

  /** The targets staged, in order. */
  get targets(): string[] {
    return this.files.map((f) => f.target);
  }

  /**
   * Writes `data` beside `target` under a temporary name and flushes it to the device; answers its
   * size. On failure (the disk full, the folder gone) its temporary file is removed and a
   * `StagedFileError` thrown; the files staged before stay staged, for `discard`.
   */
  stage(target: string, data: string | Buffer, field = 'path'): number {
    const temp = tempBeside(target);
    let fd: number | undefined;
    try {
      fd = fs.openSync(temp, 'wx', 0o644);
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = undefined;
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
      throw new StagedFileError(target, field, error);
    }
    this.files.push({ target, temp, field });
    return Buffer.byteLength(data);
  }

  /**
   * Stages a file that `write` makes itself at the temporary path it is given (SQLite's online
   * backup of a congress, which writes and flushes its own file); answers its size. On failure its
   * temporary file and any SQLite companion of it are removed and a `StagedFileError` thrown.
   */
  async stageCopy(target: string, write: (temp: string) => Promise<unknown>, field = 'path'): Promise<number> {
    const temp = tempBeside(target);
    try {
      await write(temp);
      const bytes = fs.statSync(temp).size;
      this.files.push({ target, temp, field });
      return bytes;
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
      throw new StagedFileError(target, field, error);
    }
  }

  /**
   * Renames every staged file into place. If one rename fails, the files not yet renamed are
   * removed and so are the targets already put in place by this call, and a `StagedFileError`
   * naming the failing target is thrown: the unit lands whole or not at all.
   */
  publish(): void {
    const placed: string[] = [];
    for (const [i, file] of this.files.entries()) {
      try {
        fs.renameSync(file.temp, file.target);
        placed.push(file.target);
      } catch (error) {
        for (const rest of this.files.slice(i)) fs.rmSync(rest.temp, { force: true });
        for (const target of placed) fs.rmSync(target, { force: true });
        this.files.length = 0;
        throw new StagedFileError(file.target, file.field, error);
      }
    }
    // The renames themselves reach the device with their folders (a no-op where a folder cannot
    // be opened, as on Windows).
    for (const dir of new Set(this.files.map((f) => path.dirname(f.target)))) syncFolder(dir);
    this.files.length = 0;
  }

  /** Removes every staged file: the write they belonged to did not happen. */
  discard(): void {
    for (const file of this.files.splice(0)) fs.rmSync(file.temp, { force: true });
  }
}
