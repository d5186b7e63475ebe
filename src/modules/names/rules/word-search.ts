// Finding a word inside a name as a word, not as a run of characters that happens to hold it.

import { cut, tokenize } from 'jieba-wasm';

/**
 * Start positions of `word` in `text`, skipping a hit whose final 国 is really the first character
 * of 国际: 华中国际 holds 中国 only by accident, as 完美国际 holds 美国 and 精英国际 holds 英国.
 */
export function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  if (!word) return found;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (word.endsWith('国') && text[at + word.length] === '际') continue;
    found.push(at);
  }
  return found;
}

/** UTF-16 offsets of each code point of `text` (jieba counts code points), and of its end. */
function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const ch of text) {
    offsets.push(at);
    at += ch.length;
  }
  offsets.push(at);
  return offsets;
}

export interface WordBoundaries {
  /** offsets where the segmenter puts a word boundary (0 and the end included) */
  boundaries: ReadonlySet<number>;
  /** `start:end` of every word the segmenter finds, sub-words of long words included (天下第一 → 第一) */
  spans: ReadonlySet<string>;
}

/**
 * The words of a text by jieba (a maintained Chinese segmenter with its own dictionary): 华中共创 is
 * 华中 + 共创, so it holds no 中共; 精英国货 is 精英 + 国货, so it holds no 英国. Search mode also
 * lists the dictionary words inside a long word, so 天下第一 still shows 第一.
 */
export function wordBoundaries(text: string): WordBoundaries {
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const word of cut(text, true)) {
    at += word.length;
    boundaries.add(at);
  }
  const offsets = codePointOffsets(text);
  const spans = new Set<string>();
  for (const token of tokenize(text, 'search', true)) spans.add(`${offsets[token.start]}:${offsets[token.end]}`);
  return { boundaries, spans };
}

/**
 * Start positions of `word` in `text` where it stands as a word: one word of the segmentation (or a
 * dictionary word inside one), or several whole words in a row (赌场 + 娱乐 for 赌场娱乐).
 */
export function wordOccurrences(text: string, word: string, words: WordBoundaries = wordBoundaries(text)): number[] {
  return occurrences(text, word).filter((start) => {
    const end = start + word.length;
    return words.spans.has(`${start}:${end}`) || (words.boundaries.has(start) && words.boundaries.has(end));
  });
}
