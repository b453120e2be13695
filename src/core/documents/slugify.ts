/** Max id length: ids appear in commands, autocomplete values (100 chars, a Discord limit) and file names. */
const MAX_ID_LENGTH = 64;

/**
 * A readable, URL- and file-name-safe id from a title: lowercase ASCII letters, digits and dashes.
 * Titles in other scripts fall back to `doc`; uniqueness is added by `uniqueId`.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/g, '');
  return slug === '' ? 'doc' : slug;
}

/** `base`, or `base-2`, `base-3`, … : the first that `taken` does not contain. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, MAX_ID_LENGTH - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

/** A user-supplied id must already be a slug: no path tricks, no spaces, no case games. */
export function isValidId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
}
