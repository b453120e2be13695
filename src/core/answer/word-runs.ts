/** Where each word of a list stands, by word: what `holdsRun` looks a run up in. */
export type WordPlaces = ReadonlyMap<string, readonly number[]>;

export function placesOf(words: readonly string[]): Map<string, number[]> {
  const places = new Map<string, number[]>();
  words.forEach((word, i) => {
    const at = places.get(word);
    if (at) at.push(i);
    else places.set(word, [i]);
  });
  return places;
}

/**
 * Whether `within` (its words' places in `places`) holds `run` consecutive words of `words` somewhere:
 * each window of `words` is compared only where `within` has its first word.
 */
export function holdsRun(words: readonly string[], within: readonly string[], places: WordPlaces, run: number): boolean {
  for (let i = 0; i + run <= words.length; i++) {
    for (const start of places.get(words[i]!) ?? []) {
      let k = 1;
      while (k < run && within[start + k] === words[i + k]) k++;
      if (k === run) return true;
    }
  }
  return false;
}
