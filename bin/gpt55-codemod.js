#!/usr/bin/env node
import { main } from '../dist/src/cli.js';

// A reader that stops early (`| head`) closes the pipe: that ends the output, not the run with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
