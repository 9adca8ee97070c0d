/**
 * Spreads files over worker threads (tinypool) when the run is large enough to pay for
 * thread start-up; results come back in file order, so a pooled run reports exactly what
 * a one-worker run reports.
 */
import { availableParallelism } from 'node:os';
import { processFiles, type FileJob, type FileResult, type ProcessSettings, type RunSettings } from './process.js';

/** Below this many files one thread is faster than starting workers. */
export const POOL_THRESHOLD = 400;
const CHUNK = 64;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface PoolRequest {
  files: FileJob[];
  workers: number;
  settings: RunSettings;
  engine: ProcessSettings;
  onResult: (result: FileResult) => void;
}

export async function processAll(request: PoolRequest): Promise<void> {
  const { files, workers } = request;
  if (workers <= 1 || files.length < POOL_THRESHOLD) {
    processFiles(files, request.engine, request.onResult);
    return;
  }
  // Loaded only for a run that pools: most runs are under the threshold.
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: request.settings,
  });
  try {
    const chunks: FileJob[][] = [];
    for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
    const pending = chunks.map((chunk) => pool.run(chunk) as Promise<FileResult[]>);
    // A failed chunk is rethrown below in file order; until then (and once the pool is
    // torn down after it) the other chunks' rejections must not end the process.
    for (const chunk of pending) chunk.catch(() => undefined);
    // Hand results on in file order as soon as each chunk is in, so memory holds only
    // the chunks still in flight.
    for (const chunk of pending) for (const result of await chunk) request.onResult(result);
  } finally {
    await pool.destroy();
  }
}
