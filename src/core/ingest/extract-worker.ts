/**
 * Entry point of the extraction worker thread (see run-extract-worker.ts): runs one job on untrusted
 * bytes (or cuts an untrusted text into passages) and posts one ExtractReply. Parsers are imported lazily so an HTML job never loads pdf.js.
 * Failures are posted as FootnoteError codes; anything else becomes extraction_failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isFootnoteError } from '../errors.js';
import type { Passage } from '../passages/split-passages.js';
import type { ExtractJob, ExtractReply } from './extract-job.js';

async function run(job: ExtractJob): Promise<{ text: string; title?: string } | { passages: Passage[] }> {
  switch (job.kind) {
    case 'split':
      return { passages: (await import('../passages/split-document.js')).splitDocument(job.doc, job.options) };
    case 'pdf':
      return (await import('./pdf-to-text.js')).pdfToText(job.bytes, job.limits);
    case 'docx':
      return (await import('./docx-to-markdown.js')).docxToMarkdown(job.bytes, job.limits);
    case 'html':
      return (await import('./html-to-markdown.js')).htmlToMarkdown(job.html);
  }
}

function reply(message: ExtractReply): void {
  parentPort?.postMessage(message);
}

run(workerData as ExtractJob).then(
  (result) => reply({ ok: true, ...result }),
  (error: unknown) =>
    reply(
      isFootnoteError(error)
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, code: 'extraction_failed', message: `Extraction failed: ${error instanceof Error ? error.message : String(error)}` },
    ),
);
