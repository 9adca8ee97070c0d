#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// The Python grammar is WebAssembly. V8 compiles it quickly (Liftoff), then optimises it
// again in the background, and a process does not end until that is done: about 0.15 s
// at the end of every run that reads Python, more than optimised code saves unless the
// run parses hundreds of Python files. Set before any WebAssembly is compiled.
setFlagsFromString('--liftoff-only');

const { main } = await import('../dist/src/cli.js');

// A reader that stops early (`| head`) closes the pipe: that ends the output, not the run with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
