// Finding administrative divisions inside a name. The shipped table is indexed once at load; a
// division may be written as a chain from the wider to the narrower (山东省青岛市市南区, 青岛西海岸新区),
// and only a chain in which each division lies inside the previous one counts, so 青岛金华 is not
// read as two divisions.

import { DIVISIONS, type DivisionLevel } from '../data/divisions.js';
import { DEFAULT_DIVISION_NAME_EXCEPTIONS, NATIONAL_DIVISION_NAMES } from '../data/national-divisions.js';

const DEFAULT_EXCEPTIONS: ReadonlySet<string> = new Set(DEFAULT_DIVISION_NAME_EXCEPTIONS.map((e) => e.word));

export interface DivisionInfo {
  /** the name as written: full (青岛市) or short (青岛) */
  name: string;
  code: string;
  level: DivisionLevel;
}

/** A run of divisions in a name, outermost first; `text` is what stood in the name. */
export interface DivisionMatch {
  text: string;
  chain: readonly DivisionInfo[];
}

const byName = new Map<string, DivisionInfo>();
for (const row of DIVISIONS) {
  for (const name of [row.full, ...row.short]) {
    // First entry wins: 吉林 is the province, not the city (whose table row has no short name).
    if (!byName.has(name)) byName.set(name, { name, code: row.code, level: row.level });
  }
}
const longest = Math.max(...[...byName.keys()].map((name) => name.length));

/** The digits that identify a division: 370000 → 37, 370200 → 3702, 370202 → 370202. */
function significant(code: string): string {
  let digits = code;
  while (digits.endsWith('00') && digits.length > 2) digits = digits.slice(0, -2);
  return digits === '00' ? '' : digits;
}

function liesInside(inner: DivisionInfo, outer: DivisionInfo): boolean {
  if (inner.level === 'COUNTRY' || outer.level === 'COUNTRY') return false;
  const a = significant(inner.code);
  const b = significant(outer.code);
  return a.length > b.length && a.startsWith(b);
}

export function divisionNamed(name: string): DivisionInfo | undefined {
  return byName.get(name);
}

/**
 * Whether a trade name is the name of a division at county level or above anywhere in China (规定 第八条),
 * unless the word has another meaning: `exceptions`, the list an administrator maintains (the shipped
 * default when not given). The local divisions a name may stand with are never excepted.
 */
export function isDivisionName(name: string, exceptions: ReadonlySet<string> = DEFAULT_EXCEPTIONS): boolean {
  if (byName.has(name)) return true;
  return NATIONAL_DIVISION_NAMES.has(name) && !exceptions.has(name);
}

/**
 * Whether a division is the local city, one of its districts, or the province containing it: the
 * divisions a name registered by that city's authority may carry (规定 第七条).
 */
export function isLocalTo(division: DivisionInfo, localCityCode: string): boolean {
  const own = significant(division.code);
  const local = significant(localCityCode);
  return own !== '' && (local.startsWith(own) || own.startsWith(local));
}

/** Significant-digit comparison, so 黄岛区 and 西海岸新区 (both 370211) are the same place. */
export function sameDivision(a: string, b: string): boolean {
  return significant(a) === significant(b);
}

interface Chain {
  chain: DivisionInfo[];
  end: number;
}

/**
 * The longest chain of divisions that starts at `from` and ends at or before `maxEnd`; with
 * `exactEnd` it must end exactly at `maxEnd`. The country (中国/中华) stands only alone.
 */
function chainFrom(
  text: string,
  from: number,
  maxEnd: number,
  exactEnd: boolean,
  outer: DivisionInfo | null,
): Chain | null {
  let best: Chain | null = null;
  for (let length = Math.min(longest, maxEnd - from); length >= 2; length--) {
    const division = byName.get(text.slice(from, from + length));
    if (!division || (outer && !liesInside(division, outer))) continue;
    const end = from + length;
    const candidates: Chain[] = [{ chain: [division], end }];
    if (division.level !== 'COUNTRY' && end < maxEnd) {
      const rest = chainFrom(text, end, maxEnd, exactEnd, division);
      if (rest) candidates.push({ chain: [division, ...rest.chain], end: rest.end });
    }
    for (const candidate of candidates) {
      if (exactEnd && candidate.end !== maxEnd) continue;
      if (!best || candidate.end > best.end) best = candidate;
    }
  }
  return best;
}

function toMatch(chain: readonly DivisionInfo[]): DivisionMatch {
  return { text: chain.map((d) => d.name).join(''), chain };
}

/** A division chain at the start of `text` that leaves at least one character after it. */
export function divisionAtStart(text: string): DivisionMatch | null {
  const found = chainFrom(text, 0, text.length - 1, false, null);
  return found ? toMatch(found.chain) : null;
}

/** `text` exactly, read as a division chain (the inside of a bracket), or null. */
export function divisionExactly(text: string): DivisionMatch | null {
  const found = chainFrom(text, 0, text.length, true, null);
  return found ? toMatch(found.chain) : null;
}

/**
 * The longest division chain ending exactly at the end of `text` and starting after at least one
 * character: a division standing inside the name (海川青岛智能科技). The country is not read here,
 * since 中国 inside a name is a qualifier question, not a division.
 */
export function divisionAtEnd(text: string): { start: number; match: DivisionMatch } | null {
  for (let start = 1; start <= text.length - 2; start++) {
    const found = chainFrom(text, start, text.length, true, null);
    if (found && found.chain[0]!.level !== 'COUNTRY') return { start, match: toMatch(found.chain) };
  }
  return null;
}
