import { sourceOrigin, type DocumentMeta, type Scope } from '../documents/document.js';
import { isValidId, slugify, uniqueId } from '../documents/slugify.js';
import { FootnoteError } from '../errors.js';
import { formatBytes } from '../ingest/format-bytes.js';
import type { DocumentStore, StoredMeta } from '../store/document-store.js';
import type { AddRequest, AddResult, Quota, ReplacedDocument } from './add-input.js';
import type { PreparedDocument } from './prepare-document.js';

/**
 * Decides which document an add writes and writes it inside one store transaction, so that the
 * duplicate, id and quota checks see exactly the state the write lands on.
 *
 * An add replaces a document only when it names it: the same `id`, the same URL or the same absolute
 * path. Anything else (an upload or a file that merely shares a name) is a new document with its own
 * id, so no add ever loses another document. Re-adding the very same text and title changes nothing.
 * The same text under another document is refused as a duplicate.
 */
export function writeDocument(
  store: DocumentStore,
  shipped: ReadonlyMap<string, DocumentMeta>,
  request: AddRequest,
  prepared: PreparedDocument,
  context: { quota: Quota; now: Date },
): AddResult {
  const { scope } = request;
  const named = request.id ?? prepared.statedId;
  assertIdUsable(named, scope, shipped);
  return store.transaction(() => {
    const origin = sourceOrigin(prepared.source);
    const byOrigin = origin === undefined ? undefined : store.findByOrigin(scope, origin);
    const target = named === undefined ? byOrigin : store.getMeta(scope, named);
    const written = (id: string) => ({ scope, id, title: prepared.title, passages: prepared.passages, firstPassage: prepared.firstPassage });
    if (target && target.contentHash === prepared.contentHash && target.title === prepared.title && sameOrigin(target, origin)) {
      return { kind: 'unchanged', ...written(target.id) } satisfies AddResult;
    }
    // The same path or URL added under a new id moves there: one document per origin.
    const displaced = byOrigin && byOrigin.id !== target?.id ? byOrigin : undefined;
    assertNotDuplicate(store, shipped, scope, prepared.contentHash, [target?.id, displaced?.id]);
    const taken = (candidate: string) => store.has(scope, candidate) || (scope === 'global' && shipped.has(candidate));
    const id = named ?? target?.id ?? uniqueId(preferredId(request, prepared), taken);
    assertWithinQuota(store, scope, context.quota, Buffer.byteLength(prepared.text, 'utf8'), [target?.id, displaced?.id]);
    store.put(
      {
        scope,
        id,
        title: prepared.title,
        source: prepared.source,
        ...prepared.meta,
        ...(prepared.url !== undefined && { url: prepared.url }),
        addedBy: request.addedBy,
        addedAt: context.now.toISOString(),
        contentHash: prepared.contentHash,
        ...(prepared.layout !== 'plain' && { layout: prepared.layout }),
        text: prepared.text,
      },
      displaced?.id,
    );
    const replaced = target ?? displaced;
    return replaced ? { kind: 'replaced', ...written(id), replaced: describe(replaced) } : { kind: 'added', ...written(id) };
  });
}

function assertIdUsable(id: string | undefined, scope: Scope, shipped: ReadonlyMap<string, DocumentMeta>): void {
  if (id === undefined) return;
  if (!isValidId(id)) {
    throw new FootnoteError(
      'input_rejected',
      `"${id.slice(0, 80)}" is not a valid id: use lowercase letters, digits and single dashes (at most 64 characters).`,
    );
  }
  if (scope === 'global' && shipped.has(id)) {
    throw new FootnoteError('read_only', `"${id}" is part of the shipped corpus; edit the corpus folder to change it, or choose another id.`);
  }
}

function preferredId(request: AddRequest, prepared: PreparedDocument): string {
  return request.suggestedId !== undefined ? slugify(request.suggestedId) : slugify(prepared.title);
}

function sameOrigin(target: StoredMeta, origin: string | undefined): boolean {
  return sourceOrigin(target.source) === origin;
}

function describe(meta: StoredMeta): ReplacedDocument {
  return { id: meta.id, title: meta.title, addedBy: meta.addedBy, addedAt: meta.addedAt };
}

function assertNotDuplicate(
  store: DocumentStore,
  shipped: ReadonlyMap<string, DocumentMeta>,
  scope: Scope,
  contentHash: string,
  replacing: ReadonlyArray<string | undefined>,
): void {
  const sameText = store.findByHash(scope, contentHash);
  if (sameText && !replacing.includes(sameText.id)) {
    throw new FootnoteError('duplicate', `The same text is already here as "${sameText.id}" (${sameText.title}); nothing was added.`);
  }
  if (scope !== 'global') return;
  for (const doc of shipped.values()) {
    if (doc.contentHash === contentHash) {
      throw new FootnoteError('duplicate', `The same text is already in the shipped corpus as "${doc.id}"; nothing was added.`);
    }
  }
}

function assertWithinQuota(store: DocumentStore, scope: Scope, quota: Quota, bytes: number, replacing: ReadonlyArray<string | undefined>): void {
  const usage = store.usage(scope);
  let documents = usage.documents + 1;
  let total = usage.bytes + bytes;
  for (const id of new Set(replacing)) {
    const replaced = id === undefined ? undefined : store.get(scope, id);
    if (!replaced) continue;
    documents -= 1;
    total -= Buffer.byteLength(replaced.text, 'utf8');
  }
  if (quota.maxDocuments !== undefined && documents > quota.maxDocuments) {
    throw new FootnoteError('quota_exceeded', `This space already holds its limit of ${quota.maxDocuments} documents; remove one first.`);
  }
  if (quota.maxBytes !== undefined && total > quota.maxBytes) {
    throw new FootnoteError('quota_exceeded', `Adding this document would pass this space's limit of ${formatBytes(quota.maxBytes)} of text.`);
  }
}
