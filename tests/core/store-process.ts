/**
 * Another footnote process on the same DATA_DIR, for the store's concurrency tests (run with
 * `node --import tsx`). Commands:
 * - `add <dataDir> <from> <count>`: adds race documents from … from + count − 1 as fast as it can, through
 *   KnowledgeBase.add as the CLI does, then closes (writing its snapshot);
 * - `check <dataDir> <count>`: opens the knowledge base afresh and prints, as JSON, the race documents
 *   it cannot find by their marker word;
 * - `open <goAt> <dataDir>...`: for each folder in turn, waits until its start time (`goAt` + 150 ms per
 *   folder, epoch ms) and opens the store there, so that several processes open each fresh folder at
 *   once; prints one JSON line per folder, "ok" or the error.
 */
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { DocumentStore } from '../../src/core/store/document-store.js';
import { CORPUS_DIR } from '../helpers.js';
import { missingRaceDocuments, raceDocument } from './race-documents.js';

const [command, ...args] = process.argv.slice(2);

if (command === 'add') {
  const [dataDir, from, count] = args as [string, string, string];
  const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
  for (let i = Number(from); i < Number(from) + Number(count); i++) await kb.add(raceDocument(i));
  await kb.close();
} else if (command === 'check') {
  const [dataDir, count] = args as [string, string];
  const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
  process.stdout.write(`${JSON.stringify(missingRaceDocuments(kb, Number(count)))}\n`);
  await kb.close();
} else if (command === 'open') {
  const [goAt, ...dirs] = args as [string, ...string[]];
  for (const [k, dir] of dirs.entries()) {
    const wait = Number(goAt) + 150 * k - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      DocumentStore.open(dir).close();
      process.stdout.write(`${JSON.stringify('ok')}\n`);
    } catch (error) {
      process.stdout.write(`${JSON.stringify((error as Error).message)}\n`);
    }
  }
} else {
  process.stderr.write(`unknown command ${command}\n`);
  process.exitCode = 2;
}
