/**
 * One engine at one size, in a process of its own so that engines never share a heap:
 *   node --expose-gc --import tsx bench/engine-worker.ts <job.json>
 * Reads the job the entry wrote (bench/job.ts), measures, and writes the result JSON to job.outFile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runDiscordE2e } from './discord-e2e.js';
import { runFootnote, runFootnoteBuild } from './footnote-engine.js';
import type { Job, WorkerResult } from './job.js';
import { runPeer } from './peer-engines.js';

async function run(job: Job): Promise<WorkerResult> {
  switch (job.engine) {
    case 'footnote-build':
      return runFootnoteBuild(job);
    case 'footnote':
      return runFootnote(job);
    case 'minisearch':
    case 'flexsearch':
      return runPeer({ ...job, engine: job.engine });
    case 'discord':
      return runDiscordE2e(job);
    default: {
      const unknown: never = job.engine;
      throw new Error(`Unknown engine ${String(unknown)}`);
    }
  }
}

const jobFile = process.argv[2];
if (jobFile === undefined) {
  process.stderr.write('usage: engine-worker.ts <job.json>\n');
  process.exit(2);
}
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
const result = await run(job);
writeFileSync(job.outFile, JSON.stringify(result, null, 2));
// The bot and the fake Discord may leave handles (sockets, timers) behind; the result is written, so leave.
process.exit(0);
