/** Worker-thread entry: processes a chunk of files with settings sent once per worker. */
import { workerData } from 'node:worker_threads';
import { initLanguages } from '../languages/index.js';
import { engineSettings, processFile, type FileJob, type FileResult, type RunSettings } from './process.js';

await initLanguages();
const engine = engineSettings(workerData as RunSettings);

export default function processChunk(jobs: FileJob[]): FileResult[] {
  return jobs.map((job) => processFile(job, engine));
}
