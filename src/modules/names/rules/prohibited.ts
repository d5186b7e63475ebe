// Matching the administrator's prohibited words against a normalised name.

import { normaliseName } from './normalise.js';
import type { ProhibitedWord } from './types.js';
import { wordBoundaries, wordOccurrences } from './word-search.js';

// The list comes from the database as typed by an administrator (perhaps traditional characters
// or full-width letters), so it is normalised like the names it is matched against. Doing that
// once per list, not once per check, keeps a check well under a millisecond: the cache is keyed
// by the list object the caller passes, so a caller that reloads the list gets a fresh entry.
const compiled = new WeakMap<readonly ProhibitedWord[], readonly ProhibitedWord[]>();

function compile(list: readonly ProhibitedWord[]): readonly ProhibitedWord[] {
  let words = compiled.get(list);
  if (!words) {
    const seen = new Set<string>();
    words = list
      .map((entry) => ({ word: normaliseName(entry.word), category: entry.category }))
      .filter((entry) => entry.word.length > 0 && !seen.has(entry.word) && seen.add(entry.word));
    compiled.set(list, words);
  }
  return words;
}

/**
 * The prohibited words in a name, each once, matched as words (规定 第十一条 prohibits words, not runs
 * of characters: 华中共创 holds no 中共, 精英国货 no 英国). A word found only inside a longer one that
 * was also found (解放军 inside 人民解放军) is left out, so the applicant sees the term as written.
 */
export function findProhibitedWords(normalised: string, list: readonly ProhibitedWord[]): ProhibitedWord[] {
  const hits: { entry: ProhibitedWord; start: number; end: number }[] = [];
  const candidates = compile(list).filter((entry) => normalised.includes(entry.word));
  // Segmenting costs more than the rest of a check: only a name that holds a listed word is segmented.
  const words = candidates.length > 0 ? wordBoundaries(normalised) : undefined;
  for (const entry of candidates) {
    for (const start of wordOccurrences(normalised, entry.word, words)) {
      hits.push({ entry, start, end: start + entry.word.length });
    }
  }
  const covered = (h: (typeof hits)[number]) =>
    hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start);
  const result: ProhibitedWord[] = [];
  for (const hit of hits) {
    if (!covered(hit) && !result.includes(hit.entry)) result.push(hit.entry);
  }
  return result;
}
