/**
 * Reading and writing target files. Reads are bounded (size, binary, FIFOs never block);
 * writes go through a temp file created exclusively under an unpredictable name, keep the
 * file's mode, owner and hard links, and are refused when the file changed on disk.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const MAX_BYTES = 5 * 1024 * 1024;

export type ReadOutcome =
  { kind: 'text'; text: string } | { kind: 'skipped'; reason: string; report: boolean } | { kind: 'error'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** O_NONBLOCK: a FIFO put where a file was listed must not hang the run on open. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** A UTF-16 byte-order mark, little- or big-endian. */
function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Looks for a NUL byte in the first 8 KB, the heuristic git uses. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

export function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/**
 * Reads an open descriptor from its start, at most `limit + 1` bytes (one more than the
 * limit says it is over). The first read asks for one byte more than the reported size:
 * coming back short at that size, it is the whole file, with no read of the end and no
 * buffer bigger than the file (a 64 KB one per file was most of a run's garbage).
 */
function readAll(fd: number, sizeHint: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // A size of 0 may be a file that does not report one: read until the end either way.
  for (let want = Math.min(limit + 1, sizeHint > 0 ? sizeHint + 1 : 65536); want > 0; want = Math.min(limit + 1 - total, 65536)) {
    const chunk = Buffer.allocUnsafe(want);
    const read = readSync(fd, chunk, 0, want, total);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total === sizeHint && read < want) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * One buffer for the reads of sources, which are decoded at once: a new buffer per file
 * was fresh memory the kernel had to fault in on every read, three quarters of the time
 * spent reading a large tree.
 */
let scratch = Buffer.allocUnsafe(1 << 16);

/** The whole file in `scratch` (valid until the next read), when it is no bigger than its size says; else a buffer of its own. */
function readWhole(fd: number, size: number, limit: number): Buffer {
  if (size <= 0 || size >= limit) return readAll(fd, size, limit);
  if (scratch.length <= size) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  const read = readSync(fd, scratch, 0, size + 1, 0);
  return read <= size ? scratch.subarray(0, read) : readAll(fd, size, limit);
}

/**
 * The file's size and, when it is within the limit, its bytes, through one open descriptor:
 * a `stat` before the read would look the path up twice. The bytes may be `scratch`'s.
 */
function readWithin(absolute: string, limit: number): { size: number; bytes: Buffer | null; regular: boolean } {
  const fd = openSync(absolute, READ_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { size: stats.size, bytes: null, regular: false };
    if (stats.size > limit) return { size: stats.size, bytes: null, regular: true };
    const bytes = readWhole(fd, stats.size, limit);
    return { size: Math.max(stats.size, bytes.length), bytes: bytes.length > limit ? null : bytes, regular: true };
  } finally {
    closeSync(fd);
  }
}

export function readSource(absolute: string): ReadOutcome {
  try {
    const { size, bytes, regular } = readWithin(absolute, MAX_BYTES);
    if (!regular) return { kind: 'skipped', reason: 'skipped: not a regular file', report: true };
    if (!bytes) return { kind: 'skipped', reason: `skipped: ${(size / 1048576).toFixed(1)} MB is over the 5 MB limit`, report: true };
    // Only files with a source extension get here, so a NUL byte is worth a word.
    if (isUtf16(bytes)) return { kind: 'skipped', reason: 'skipped: UTF-16 text (only UTF-8 is read)', report: true };
    if (looksBinary(bytes)) return { kind: 'skipped', reason: 'skipped: holds NUL bytes (binary)', report: true };
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch (err) {
    if (err instanceof TypeError) return { kind: 'error', message: 'not valid UTF-8; left untouched' };
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'skipped', reason: 'skipped: a symbolic link', report: true };
    return { kind: 'error', message: `cannot read: ${errorCode(err)}` };
  }
}

/**
 * Why a real run would not write this file, or null: checked in every mode, so --dry and
 * --patch show what a real run writes. A read-only file is left as it is: the rename would
 * replace it regardless of its mode, which is not what a read-only file asks for.
 */
export function writeRefusal(absolute: string): string | null {
  let stats;
  try {
    stats = lstatSync(absolute);
  } catch (err) {
    return `cannot write: ${errorCode(err)}`;
  }
  if (stats.isSymbolicLink()) return 'a symbolic link; not written';
  if (!stats.isFile()) return 'not a regular file; not written';
  // access() lets root write anything; a file with no write bit is still meant to stay as it is.
  if ((stats.mode & 0o222) === 0) return 'read-only; not written';
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) return `owned by another user (uid ${stats.uid}); not written`;
  return null;
}

/** `.<name>.gpt55-codemod-<pid>-<random>.tmp`: the pid says whether its run is still alive. */
const TEMP_NAME = /^\..+\.gpt55-codemod-(\d+)-[0-9a-f]{16}\.tmp$/;

function tempPath(absolute: string): string {
  return join(dirname(absolute), `.${basename(absolute)}.gpt55-codemod-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temp file an earlier run of the tool left behind (killed before it could rename it). */
export function isLeftoverTemp(name: string): boolean {
  const match = TEMP_NAME.exec(name);
  return match !== null && Number(match[1]) !== process.pid && !processAlive(Number(match[1]));
}

/** Removes a leftover temp file; only a regular file, never what a link points at. */
export function removeLeftover(absolute: string): string | null {
  try {
    if (!lstatSync(absolute).isFile()) return 'not a regular file; left as is';
    unlinkSync(absolute);
    return null;
  } catch (err) {
    return `cannot remove: ${errorCode(err)}`;
  }
}

/** What must still hold, right before the rename, for the read to stand. */
function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

class WriteRefused extends Error {}

function writeFully(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset, offset);
}

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * A temp file beside `absolute` holding `data`, created only if nothing (a link included)
 * is at its unpredictable name; `finish` sets it up through its descriptor. Removed again
 * when anything fails.
 */
function createTemp(absolute: string, data: Buffer, mode: number, finish: (fd: number) => void): string {
  const temp = tempPath(absolute);
  const fd = openSync(temp, EXCLUSIVE, mode);
  let written = false;
  try {
    writeFully(fd, data);
    finish(fd);
    written = true;
    return temp;
  } finally {
    closeSync(fd);
    if (!written) unlinkSync(temp);
  }
}

/** The temp file for a target, with the original's mode and owner. */
function writeTemp(absolute: string, data: Buffer, original: BigIntStats): string {
  return createTemp(absolute, data, 0o600, (fd) => {
    keepOwner(fd, original);
    // Set on the descriptor after the chown (which clears set-id bits) and past the umask.
    fchmodSync(fd, Number(original.mode & 0o7777n));
  });
}

/** A file the tool makes (a report, a patch), written whole or not at all; its mode is the umask's. */
export function writeNewFile(absolute: string, text: string): void {
  renameSync(
    createTemp(absolute, Buffer.from(text, 'utf8'), 0o666, () => {}),
    absolute,
  );
}

function keepOwner(fd: number, original: BigIntStats): void {
  const created = fstatSync(fd, { bigint: true });
  if (created.uid === original.uid && created.gid === original.gid) return;
  try {
    fchownSync(fd, Number(original.uid), Number(original.gid));
  } catch {
    throw new WriteRefused(`its owner (${original.uid}:${original.gid}) cannot be kept; not written`);
  }
}

/** A file with other hard links keeps them: its one inode is overwritten in place. */
function writeInPlace(absolute: string, data: Buffer, original: BigIntStats): void {
  const fd = openSync(absolute, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    if (!sameFile(fstatSync(fd, { bigint: true }), original)) throw new WriteRefused('changed on disk since it was read; not written');
    writeFully(fd, data);
    ftruncateSync(fd, data.length);
  } finally {
    closeSync(fd);
  }
}

/** Puts back what another writer saved into the old inode while the new one was renamed over it. */
function restore(absolute: string, fd: number, stats: BigIntStats): void {
  const theirs = readAll(fd, Number(stats.size), Number(stats.size) + MAX_BYTES);
  const temp = writeTemp(absolute, theirs, stats);
  renameSync(temp, absolute);
}

function replace(absolute: string, fd: number, original: BigIntStats, data: Buffer): void {
  const temp = writeTemp(absolute, data, original);
  const current = lstatSync(absolute, { bigint: true });
  if (!sameFile(fstatSync(fd, { bigint: true }), original) || !sameFile(current, original)) {
    unlinkSync(temp);
    throw new WriteRefused('changed on disk while being written; not written');
  }
  renameSync(temp, absolute);
  // The descriptor still holds the replaced inode: a write into it after the check above
  // would be lost with it, so it is put back and the run's edit is the one given up.
  const after = fstatSync(fd, { bigint: true });
  // The rename itself unlinked the old inode (its link count and ctime changed): only a write shows in size or mtime.
  if (after.size !== original.size || after.mtimeNs !== original.mtimeNs) {
    restore(absolute, fd, after);
    throw new WriteRefused('changed on disk while being written; the other change was kept, this one not written');
  }
}

/**
 * Writes `after` in place of `before`: refused when the path is not a regular file (a link
 * included), when the file no longer holds `before`, or when its owner cannot be kept.
 * Returns the reason a write was refused or failed, or null once written.
 */
export function writeAtomically(absolute: string, before: string, after: string): string | null {
  let fd: number;
  try {
    fd = openSync(absolute, READ_FLAGS);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return 'a symbolic link; not written';
    return `cannot read before writing: ${errorCode(err)}`;
  }
  try {
    const original = fstatSync(fd, { bigint: true });
    if (!original.isFile()) return 'not a regular file; not written';
    if (readAll(fd, Number(original.size), MAX_BYTES).toString('utf8') !== before) return 'changed on disk since it was read; not written';
    const data = Buffer.from(after, 'utf8');
    if (original.nlink > 1n) writeInPlace(absolute, data, original);
    else replace(absolute, fd, original, data);
    return null;
  } catch (err) {
    if (err instanceof WriteRefused) return err.message;
    return `cannot write: ${errorCode(err)}`;
  } finally {
    closeSync(fd);
  }
}
