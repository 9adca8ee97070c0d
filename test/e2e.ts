/** Shared pieces of the end-to-end tests: the built bin, temporary projects. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A Responses call on gpt-5.4 with nothing pinned: model-slug upgrades it. */
export const AGENT = `import OpenAI from "openai";

const client = new OpenAI();

export async function answer(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    input: question,
  });
  return response.output_text;
}
`;

export const BIN = join(import.meta.dirname, '..', 'bin', 'gpt55-codemod.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function spawn(cwd: string, command: string[]): CliResult {
  const [file, ...rest] = command as [string, ...string[]];
  const result = spawnSync(file, rest, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built bin in `cwd` (npm test builds first). */
export function cli(cwd: string, ...args: string[]): CliResult {
  return spawn(cwd, [process.execPath, BIN, ...args]);
}

/**
 * As `cli`, but file modes bind the run even when the tests run as root (CI does): root
 * starts it through util-linux's setpriv without the capabilities that override them.
 */
export function cliBoundByModes(cwd: string, ...args: string[]): CliResult {
  const drop = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search'] : [];
  return spawn(cwd, [...drop, process.execPath, BIN, ...args]);
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** A new temporary folder holding `files`. */
export function project(files: Record<string, string | Buffer>, name = 'project'): string {
  const root = mkdtempSync(join(tmpdir(), `gpt55-${name}-`));
  writeFiles(root, files);
  return root;
}
