import type { DocumentMeta, Scope } from '../documents/document.js';
import { isValidId, slugify, uniqueId } from '../documents/slugify.js';
import { FootnoteError } from '../errors.js';
import type { DocumentStore } from '../store/document-store.js';
import type { AddRequest, AddResult, Quota } from './add-input.js';
import type { PreparedDocument } from './prepare-document.js';

/**
 * Decides the document's id and writes it inside one store transaction, so that the duplicate, id and
 * quota checks see exactly the state the write lands on. Re-adding the same source in the same scope
 * replaces that document (keeping its id unless another is asked for); the same text under another
 * source is refused as a duplicate.
 */
export function writeDocument(
  store: DocumentStore,
  shipped: ReadonlyMap<string, DocumentMeta>,
  request: AddRequest,
  prepared: PreparedDocument,
  context: { quota: Quota; now: Date },
): AddResult {
  const { scope } = request;
  if (request.id !== undefined && !isValidId(request.id)) {
    throw new FootnoteError(
      'input_rejected',
      `"${request.id.slice(0, 80)}" is not a valid id: use lowercase letters, digits and single dashes (at most 64 characters).`,
    );
  }
  return store.transaction(() => {
    const existing = store.findBySource(scope, prepared.source);
    assertNotDuplicate(store, shipped, scope, prepared.contentHash, existing?.id);
    const taken = (candidate: string) =>
      (candidate !== existing?.id && store.has(scope, candidate)) || (scope === 'global' && shipped.has(candidate));
    if (request.id !== undefined && taken(request.id)) {
      throw new FootnoteError('duplicate', `The id "${request.id}" is already used here; choose another.`);
    }
    const id = request.id ?? existing?.id ?? uniqueId(slugify(prepared.title), taken);
    assertWithinQuota(store, scope, context.quota, Buffer.byteLength(prepared.text, 'utf8'), existing?.id);
    store.put(
      {
        scope,
        id,
        title: prepared.title,
        source: prepared.source,
        ...(prepared.url !== undefined && { url: prepared.url }),
        addedBy: request.addedBy,
        addedAt: context.now.toISOString(),
        contentHash: prepared.contentHash,
        text: prepared.text,
      },
      existing?.id,
    );
    return {
      kind: existing ? 'replaced' : 'added',
      scope,
      id,
      title: prepared.title,
      passages: prepared.passages,
      firstPassage: prepared.firstPassage,
    } satisfies AddResult;
  });
}

function assertNotDuplicate(
  store: DocumentStore,
  shipped: ReadonlyMap<string, DocumentMeta>,
  scope: Scope,
  contentHash: string,
  replacing: string | undefined,
): void {
  const sameText = store.findByHash(scope, contentHash);
  if (sameText && sameText.id !== replacing) {
    throw new FootnoteError('duplicate', `The same text is already here as "${sameText.id}" (${sameText.title}); nothing was added.`);
  }
  if (scope !== 'global') return;
  for (const doc of shipped.values()) {
    if (doc.contentHash === contentHash) {
      throw new FootnoteError('duplicate', `The same text is already in the shipped corpus as "${doc.id}"; nothing was added.`);
    }
  }
}

function assertWithinQuota(store: DocumentStore, scope: Scope, quota: Quota, bytes: number, replacing: string | undefined): void {
  const usage = store.usage(scope);
  const replaced = replacing === undefined ? undefined : store.get(scope, replacing);
  const documents = usage.documents + 1 - (replaced ? 1 : 0);
  const total = usage.bytes + bytes - (replaced ? Buffer.byteLength(replaced.text, 'utf8') : 0);
  if (quota.maxDocuments !== undefined && documents > quota.maxDocuments) {
    throw new FootnoteError('quota_exceeded', `This space already holds its limit of ${quota.maxDocuments} documents; remove one first.`);
  }
  if (quota.maxBytes !== undefined && total > quota.maxBytes) {
    throw new FootnoteError('quota_exceeded', `Adding this document would pass this space's limit of ${formatBytes(quota.maxBytes)} of text.`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} kB`;
}
