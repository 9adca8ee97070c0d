/** Reading and writing target files: size and binary checks, atomic writes that keep the mode. */
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const MAX_BYTES = 5 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'skipped'; reason: string; report: boolean }
  | { kind: 'error'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Looks for a NUL byte in the first 8 KB, the heuristic git uses. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/**
 * The file's size and, when it is within the limit, its bytes, through one open descriptor:
 * a `stat` before `readFileSync` would look the path up twice, and `readFileSync(fd)` would
 * `fstat` again, both measurable over tens of thousands of files.
 */
function readWithin(absolute: string, limit: number): { size: number; bytes: Uint8Array | null } {
  const fd = openSync(absolute, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { size, bytes: null };
    // A size of 0 may be a file that does not report one; readFileSync reads those to the end.
    if (size === 0) return { size, bytes: readFileSync(fd) };
    const bytes = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const read = readSync(fd, bytes, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
    return { size, bytes: bytes.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

export function readSource(absolute: string): ReadOutcome {
  try {
    const { size, bytes } = readWithin(absolute, MAX_BYTES);
    if (!bytes) return { kind: 'skipped', reason: `skipped: ${(size / 1048576).toFixed(1)} MB is over the 5 MB limit`, report: true };
    if (looksBinary(bytes)) return { kind: 'skipped', reason: 'binary', report: false };
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch (err) {
    if (err instanceof TypeError) return { kind: 'error', message: 'not valid UTF-8; left untouched' };
    return { kind: 'error', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}

/**
 * Writes `after` in place of `before` through a temp file and a rename, keeping the mode;
 * refuses when the file on disk no longer holds `before` (changed since it was read).
 */
export function writeAtomically(absolute: string, before: string, after: string): string | null {
  let mode: number;
  try {
    mode = statSync(absolute).mode & 0o7777;
    if (readFileSync(absolute, 'utf8') !== before) return 'changed on disk since it was read; not written';
  } catch (err) {
    return `cannot read before writing: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  const temp = join(dirname(absolute), `.${basename(absolute)}.gpt55-codemod-${process.pid}.tmp`);
  try {
    writeFileSync(temp, after);
    // Set after writing: the mode given at creation is narrowed by the umask.
    chmodSync(temp, mode);
    renameSync(temp, absolute);
    return null;
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created
    }
    return `cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}
