import { describe, expect, it } from 'vitest';
import { folderOfPageId, isFolderPage } from './folder-page.js';

describe('folder pages', () => {
  it.each([
    ['README.md', true],
    ['index.md', true],
    ['_index.md', true],
    ['readme.txt', true],
    ['notes.md', false],
    ['readme-parser.md', false],
  ])('reads %s as a folder page: %s', (name, page) => {
    expect(isFolderPage(name)).toBe(page);
  });

  it.each([
    ['fdir-readme', 'fdir'],
    ['guide-index', 'guide'],
    ['docs-index-md', 'docs'],
    ['fdir-readme-2', 'fdir'],
    ['payments', 'payments'],
    ['readme-parser', 'readme-parser'],
    ['tools-index-page', 'tools-index-page'],
  ])('takes the page name off the id %s: %s', (id, folder) => {
    expect(folderOfPageId(id)).toBe(folder);
  });
});
