import { describe, expect, it } from 'vitest';
import type { Scope } from '../documents/document.js';
import { TitleSearch } from './title-search.js';

function search(docs: Array<[Scope, string, string]>): TitleSearch {
  const titles = new TitleSearch();
  for (const [scope, id, title] of docs) titles.add({ scope, id, title });
  return titles;
}

const docs = search([
  ['guild:1', 'music-law', 'Music law in Russia'],
  ['guild:1', 'russia-wto', 'Russia and the WTO'],
  ['guild:1', 'court', 'Moscow court clears AllofMP3 head'],
  ['global', 'cable', 'Special 301 review'],
  ['global', 'balloon-log-3', 'Balloon log 3'],
  ['global', 'balloon-log-13', 'Balloon log 13'],
]);
const ids = (found: ReadonlyArray<{ id: string }>) => found.map((d) => d.id);

describe('TitleSearch', () => {
  it('finds titles by the start of their words', () => {
    expect(ids(docs.find('russ', ['guild:1', 'global'], 25)).sort()).toEqual(['music-law', 'russia-wto']);
  });

  it('ranks the title matching every typed word first', () => {
    expect(ids(docs.find('Balloon log 3', ['global'], 25))[0]).toBe('balloon-log-3');
    expect(ids(docs.find('russia wto', ['guild:1'], 25))[0]).toBe('russia-wto');
  });

  it('forgives a typo', () => {
    expect(ids(docs.find('moscw', ['guild:1'], 25))).toEqual(['court']);
  });

  it('finds a document by its id', () => {
    expect(ids(docs.find('cable', ['global'], 25))).toEqual(['cable']);
  });

  it('ignores case and accents', () => {
    expect(ids(search([['global', 'x', 'Café Économie']]).find('econ caf', ['global'], 25))).toEqual(['x']);
  });

  it('offers only documents of the given scopes, at most the limit', () => {
    expect(ids(docs.find('russia', ['global'], 25))).toEqual([]);
    expect(docs.find('balloon', ['global'], 1)).toHaveLength(1);
  });

  it('forgets removed documents and replaces re-added ones', () => {
    const titles = search([['global', 'a', 'Lighthouse keeping']]);
    titles.add({ scope: 'global', id: 'a', title: 'Harbour ferries' });
    expect(ids(titles.find('lighthouse', ['global'], 25))).toEqual([]);
    expect(ids(titles.find('harbour', ['global'], 25))).toEqual(['a']);
    titles.remove('global', 'a');
    expect(titles.find('harbour', ['global'], 25)).toEqual([]);
  });
});
