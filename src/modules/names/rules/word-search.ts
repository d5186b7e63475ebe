// Finding a word inside a name without the accidental hits that Chinese runs of characters make.

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
