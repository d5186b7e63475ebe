// One spelling per name, so that checks, conflict keys and database indexes compare like with like:
// an applicant typing 青島 (traditional), ( ) (half-width) or ＡＢＣ (full-width) means the same
// name as 青岛, （ ） and ABC.

import { Converter } from 'opencc-js/t2cn';

// Hong Kong variants → mainland simplified: a character-level conversion (no phrase rewriting such
// as 資訊 → 信息, which would change the applicant's words). The 'tw' source is not used because it
// rewrites 著 to 着, which is wrong in mainland words such as 显著.
const toSimplified = Converter({ from: 'hk', to: 'cn' });

// Anything that renders as blank, including the ideographic space and zero-width characters that
// arrive with text pasted from documents.
const BLANKS = /[\s\u200b-\u200d\u2060\ufeff]/gu;

// Names use full-width brackets only (规范 usage), so every bracket style becomes （ ）.
const OPENING_BRACKETS = /[(（［[【〔]/gu;
const CLOSING_BRACKETS = /[)）］\]】〕]/gu;

// Interpuncts used between parts of transliterated foreign names.
const MIDDLE_DOTS = /[·・•‧･]/gu;

/** Full-width ASCII (U+FF01–U+FF5E) to its half-width character; brackets are handled above. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (ch) =>
    ch === '（' || ch === '）' ? ch : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * The canonical spelling of a proposed name: blanks removed, full-width letters and digits made
 * half-width, brackets made full-width, traditional characters made simplified, Latin letters
 * upper-case.
 */
export function normaliseName(input: string): string {
  let text = input.replace(BLANKS, '');
  text = toHalfWidth(text);
  text = text.replace(OPENING_BRACKETS, '（').replace(CLOSING_BRACKETS, '）').replace(MIDDLE_DOTS, '·');
  text = toSimplified(text);
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
