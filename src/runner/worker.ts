/** Worker-thread entry: processes a chunk of files with settings sent once per worker. */
import { Tinypool } from 'tinypool';
import { initLanguages } from '../languages/index.js';
import { engineSettings, processFiles, type FileJob, type FileResult, type RunSettings } from './process.js';

await initLanguages();
// Tinypool wraps the pool's workerData with its own; this getter hands back ours.
const engine = engineSettings(Tinypool.workerData as RunSettings);

export default function processChunk(jobs: FileJob[]): FileResult[] {
  const results: FileResult[] = [];
  processFiles(jobs, engine, (result) => results.push(result));
  return results;
}
