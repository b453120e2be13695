/**
 * The names a folder gives its own page (README.md, index.md): such a page is about its folder, so it
 * is titled by it when it states no title (prepare-document), and its id, the folder's path with the
 * page's name (`fdir/README.md` → `fdir-readme`), names what it is about (subject-page).
 */
const FILE_NAME = /^(?:readme|index|_index)(?:\.\w+)?$/iu;
/** The same names at the end of an id (a slug: `_index.md` is `index-md` there), with an extension or a `-2`. */
const ID_SUFFIX = /-(?:readme|index)(?:-(?:md|mdx|markdown|txt|html?|\d+))*$/u;

/** Whether a file name is a folder's own page: README.md, index.md, _index.md, readme.txt. */
export function isFolderPage(fileName: string): boolean {
  return FILE_NAME.test(fileName);
}

/** A folder page's id less the page's name (`fdir-readme` → `fdir`); any other id as it is. */
export function folderOfPageId(id: string): string {
  return id.replace(ID_SUFFIX, '');
}
