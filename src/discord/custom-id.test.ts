import { describe, expect, it } from 'vitest';
import { encodeCustomId, parseCustomId, type CustomId } from './custom-id.js';

describe('custom ids', () => {
  const cases: CustomId[] = [
    { kind: 'answer-more', answerId: 'AbC-_12345x', page: 2 },
    { kind: 'answer-source', answerId: 'AbC-_12345x', rank: 4 },
    { kind: 'answer-vote', answerId: 'AbC-_12345x', vote: 1 },
    { kind: 'answer-vote', answerId: 'AbC-_12345x', vote: -1 },
    { kind: 'answer-share', answerId: 'AbC-_12345x' },
    { kind: 'docs-page', page: 3 },
    { kind: 'remove-confirm', docId: 'a'.repeat(64) },
    { kind: 'remove-cancel', docId: 'some-doc' },
    { kind: 'add-modal' },
  ];
  it.each(cases)('round-trips $kind within Discord’s 100 characters', (id) => {
    const encoded = encodeCustomId(id);
    expect(encoded.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(encoded)).toEqual(id);
  });

  it.each(['', 'ans:x', 'ans:abc:more:x', 'rm:yes:../etc', 'docs:page:-1', 'other:thing'])('rejects %j', (raw) => {
    expect(parseCustomId(raw)).toBeUndefined();
  });
});
