import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FootnoteError } from '../errors.js';
import type { ExtractLimits } from './extract-limits.js';
import { pdfPageText } from './pdf-page-text.js';
import { joinPages } from './pdf-pages.js';

/**
 * Text of a PDF, page by page, the pages joined by a form feed on a line of its own (pdf-pages.ts) so
 * passages can be cited by page, with pdf.js (legacy build: the modern one needs Node 22 APIs). Runs in
 * the extraction worker. pdf.js is configured to execute nothing from the file (no eval of font
 * programs, no font faces, no system fonts) and to fetch nothing: its "worker" is loaded in-thread
 * from the package, and CMaps/standard fonts are read from the package directory (pdf.js only asks
 * for names on its built-in lists).
 */
export async function pdfToText(bytes: Uint8Array, limits: ExtractLimits): Promise<{ text: string; title?: string }> {
  const pdfjs = await loadPdfjs();
  const assets = pdfjsAssetDirectories();
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    cMapUrl: assets.cMaps,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFonts,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw describePdfError(error);
    });
    if (document.numPages > limits.maxPdfPages) {
      throw new FootnoteError('too_large', `The PDF has ${document.numPages} pages; footnote reads at most ${limits.maxPdfPages}.`);
    }
    const pages: string[] = [];
    let characters = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = pdfPageText(content.items);
      page.cleanup();
      characters += text.length;
      if (characters > limits.maxBytes) {
        throw new FootnoteError(
          'too_large',
          `The PDF's text passes footnote's limit of ${limits.maxBytes.toLocaleString('en-US')} characters by page ${number}.`,
        );
      }
      pages.push(text);
    }
    const title = await pdfTitle(document);
    return { text: joinPages(pages), ...(title ? { title } : {}) };
  } catch (error) {
    throw error instanceof FootnoteError ? error : describePdfError(error);
  } finally {
    await task.destroy();
  }
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

async function loadPdfjs(): Promise<Pdfjs> {
  const globals = globalThis as { pdfjsWorker?: unknown };
  if (globals.pdfjsWorker === undefined) {
    // pdf.js's "fake worker": with this global set it runs its parser in this thread instead of
    // resolving a worker script URL.
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    globals.pdfjsWorker = await import(workerModule);
  }
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

function pdfjsAssetDirectories(): { cMaps: string; standardFonts: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js concatenates these with file names, so they need the trailing separator.
  return { cMaps: join(root, 'cmaps') + '/', standardFonts: join(root, 'standard_fonts') + '/' };
}

async function pdfTitle(document: PdfDocument): Promise<string | undefined> {
  try {
    const { info, metadata } = await document.getMetadata();
    const fromInfo = (info as { Title?: unknown } | undefined)?.Title;
    const candidates = [typeof fromInfo === 'string' ? fromInfo : undefined, metadata?.get('dc:title') ?? undefined];
    for (const candidate of candidates) {
      const title = typeof candidate === 'string' ? candidate.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
      if (title !== '') return title;
    }
  } catch {
    // A damaged Info dictionary costs the title, not the text.
  }
  return undefined;
}

function describePdfError(error: unknown): FootnoteError {
  const name = (error as { name?: unknown } | undefined)?.name;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  if (name === 'PasswordException') {
    return new FootnoteError('extraction_failed', 'The PDF is password-protected; upload a copy without a password.', { cause: error });
  }
  if (name === 'InvalidPDFException') {
    return new FootnoteError('extraction_failed', `The PDF is damaged and cannot be read (${message}).`, { cause: error });
  }
  return new FootnoteError('extraction_failed', `The PDF could not be read: ${message}.`, { cause: error });
}
