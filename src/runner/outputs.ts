/**
 * The files a run writes besides the target's (--report, --patch): checked before the run,
 * so a typo costs nothing, and kept out of the target, so a report can never overwrite a
 * project file, land inside `.git`, or be read back as a source by the next run.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { UsageError } from './files.js';
import { errorCode, writeNewFile } from './io.js';

/** The part of a glob before its first magic segment: the folder its files lie under. */
function staticBase(input: string): string {
  const segments = input.split(/[\\/]/);
  const magic = segments.findIndex((segment) => /[*?[\]{}()!]/.test(segment));
  return magic === -1 ? input : segments.slice(0, magic).join('/') || '.';
}

/** The real path, links resolved, of `absolute` or of its nearest existing folder. */
function realLocation(absolute: string): string {
  if (existsSync(absolute)) return realpathSync(absolute);
  return resolve(realLocation(dirname(absolute)), basename(absolute));
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * An output file's absolute path, once its folder exists and it lies neither inside a
 * `.git` folder nor under the paths being upgraded.
 */
export function outputTarget(cwd: string, file: string, flag: string, inputs: string[]): string {
  const absolute = resolve(cwd, file);
  if (!existsSync(dirname(absolute))) throw new UsageError(`${flag} ${file}: the folder does not exist`);
  if (existsSync(absolute) && !statSync(absolute).isFile()) throw new UsageError(`${flag} ${file}: not a regular file`);
  const real = realLocation(absolute);
  if (real.split(sep).includes('.git')) throw new UsageError(`${flag} ${file}: inside a .git folder; write it elsewhere`);
  for (const input of inputs) {
    const base = realLocation(resolve(cwd, staticBase(input)));
    if (within(real, base)) {
      throw new UsageError(
        `${flag} ${file}: under the paths being upgraded (${input}), where it could overwrite a project file; write it outside them, e.g. ../${basename(file)}`,
      );
    }
  }
  return absolute;
}

/** Writes an output file atomically; a failure names the flag and the file. */
export function writeOutput(absolute: string, text: string, flag: string): void {
  try {
    writeNewFile(absolute, text);
  } catch (err) {
    throw new UsageError(`${flag} ${absolute}: cannot write (${errorCode(err)})`);
  }
}
