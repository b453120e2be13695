import { formatBytes, plural, type StoreFileInfo } from '../../core/index.js';

/** "12 documents, 3.4 MB of text, revision 57, schema 3": what a store file holds, for backup and restore. */
export function formatStoreInfo(info: StoreFileInfo): string {
  const size = formatBytes(info.bytes);
  return `${plural(info.documents, 'document')}, ${size} of text, revision ${info.revision}, schema ${info.schemaVersion}`;
}
