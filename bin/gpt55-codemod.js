#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// The Python grammar is WebAssembly. V8 compiles it quickly (Liftoff), then optimises it
// again in the background, and a process does not end until that is done: about 0.15 s
// at the end of every run that reads Python, more than optimised code saves unless the
// run parses hundreds of Python files. Set before any WebAssembly is compiled.
setFlagsFromString('--liftoff-only');

// A run keeps little between files (about 35 MB live), but V8 lets the heap grow to about
// four times what survived its last full collection before the next one: 240 to 370 MB
// on an 8,000-file monorepo. Growing it by 20% instead holds the peak under 200 MB for
// about 0.1 s more collection on that tree.
setFlagsFromString('--heap-growing-percent=20');

// A source checkout (`npm ci` builds nothing: a prepare script would be an install script
// for everyone who installs the package) builds dist/ on its first run; the published
// package ships dist/ and never gets here.
const root = new URL('..', import.meta.url);
if (!existsSync(new URL('dist/src/cli.js', root)) && existsSync(new URL('tsconfig.build.json', root))) {
  process.stderr.write('gpt55-codemod: building dist/ (first run in a source checkout)\n');
  const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', root));
  const built = spawnSync(process.execPath, [tsc, '-p', fileURLToPath(new URL('tsconfig.build.json', root))], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(2);
}

const { main } = await import('../dist/src/cli.js');

// A reader that stops early (`| head`) closes the pipe: that ends the output, not the run with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
