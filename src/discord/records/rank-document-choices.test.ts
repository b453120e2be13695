import { describe, expect, it } from 'vitest';
import { rankDocumentChoices } from './rank-document-choices.js';

const doc = (id: string, title: string) => ({ key: `here:${id}`, id, title });
const docs = [
  doc('music-law', 'Music law in Russia'),
  doc('russia-wto', 'Russia and the WTO'),
  doc('court', 'Moscow court clears AllofMP3 head'),
  doc('cable', 'Special 301 review'),
];

describe('rankDocumentChoices', () => {
  it('ranks title prefixes, then title words, then content matches', () => {
    const ranked = rankDocumentChoices(docs, 'russ', ['here:cable', 'here:russia-wto']);
    expect(ranked.map((d) => d.id)).toEqual(['russia-wto', 'music-law', 'cable']);
  });

  it('matches every typed word against the starts of title words, ignoring case and accents', () => {
    expect(rankDocumentChoices([doc('x', 'Café Économie')], 'econ caf', []).map((d) => d.id)).toEqual(['x']);
  });

  it('offers the documents in their order when nothing is typed, at most the limit', () => {
    expect(rankDocumentChoices(docs, '  ', [], 2).map((d) => d.id)).toEqual(['music-law', 'russia-wto']);
  });

  it('ignores content keys of documents it was not given', () => {
    expect(rankDocumentChoices(docs, 'zzz', ['shared:other'])).toEqual([]);
  });
});
