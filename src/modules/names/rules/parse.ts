// Splitting a normalised name into its four parts (domain-rules §2): administrative division +
// trade name + industry + organisation form. The trade name is what is left when the other
// three have been taken from where they may stand, so the order of the steps is the rule:
//   1. organisation form: the longest known form at the end (股份有限公司 before 有限公司);
//      a branch (…有限公司市南分公司) is read as its parent's name plus a locality;
//   2. division: a chain at the start (青岛…), else one in brackets (海川（青岛）…);
//   3. industry: the longest industry word before the form, extended leftwards by further
//      industry words while two characters remain for the trade name (海川软件信息技术), and by a
//      qualifier such as 中国 or 国际 standing right before it (海川中国科技 → 中国科技);
//   4. a division left standing between trade name and industry is MIDDLE (海川青岛智能科技).

import { INDUSTRY_QUALIFIER_WORDS } from '../data/special-words.js';
import {
  divisionAtEnd,
  divisionAtStart,
  divisionExactly,
  type DivisionInfo,
  type DivisionMatch,
} from './division-lexicon.js';
import { formAtEnd, innerFormEnding } from './form-lexicon.js';
import { industryWordEndingAt } from './industry-lexicon.js';
import type { DivisionPosition, NameParts } from './types.js';

export interface BranchParts {
  /** the parent enterprise's full name, e.g. 青岛海川智能科技有限公司 */
  parentName: string;
  parentOrganisationForm: string;
  /** what stands between the parent's name and the branch suffix, e.g. 市南; null when nothing */
  locality: string | null;
}

export interface ParsedName {
  normalised: string;
  parts: NameParts;
  divisionPosition: DivisionPosition;
  /** the divisions that make up parts.administrativeDivision, outermost first */
  divisionChain: readonly DivisionInfo[];
  /** a qualifier (中国, 国际, …) the parser took into the industry, or null */
  industryQualifier: string | null;
  /** set when the name is a branch's: parts then describe the parent, organisationForm the branch suffix */
  branch: BranchParts | null;
}

export interface ParseOptions {
  /** words read as qualifiers of the industry when right before it; defaults to the shipped list */
  qualifierWords?: readonly string[];
}

/** At most this many industry words are read as one industry expression. */
const MAX_INDUSTRY_WORDS = 3;

interface Body {
  division: DivisionMatch | null;
  position: DivisionPosition;
  tradeName: string | null;
  industry: string | null;
  qualifier: string | null;
}

function bracketedDivision(text: string): { open: number; close: number; match: DivisionMatch } | null {
  for (let open = text.indexOf('（', 1); open !== -1; open = text.indexOf('（', open + 1)) {
    const close = text.indexOf('）', open + 1);
    if (close === -1) return null;
    const match = divisionExactly(text.slice(open + 1, close));
    if (match) return { open, close, match };
  }
  return null;
}

function splitIndustry(
  text: string,
  qualifierWords: readonly string[],
): { before: string; industry: string | null; qualifier: string | null } {
  let end = text.length;
  const words: string[] = [];
  const first = industryWordEndingAt(text, end, 1);
  if (!first) return { before: text, industry: null, qualifier: null };
  words.push(first);
  end -= first.length;
  while (words.length < MAX_INDUSTRY_WORDS) {
    const next = industryWordEndingAt(text, end, 2);
    if (!next) break;
    words.unshift(next);
    end -= next.length;
  }
  const head = text.slice(0, end);
  const qualifier = qualifierWords.find((q) => head.endsWith(q) && head.length > q.length) ?? null;
  if (qualifier) end -= qualifier.length;
  return { before: text.slice(0, end), industry: (qualifier ?? '') + words.join(''), qualifier };
}

function parseBody(text: string, qualifierWords: readonly string[]): Body {
  let division: DivisionMatch | null = divisionAtStart(text);
  let position: DivisionPosition = division ? 'START' : 'NONE';
  let rest = division ? text.slice(division.text.length) : text;
  if (!division) {
    const bracket = bracketedDivision(text);
    if (bracket) {
      division = bracket.match;
      position = 'BRACKETED';
      rest = text.slice(0, bracket.open) + text.slice(bracket.close + 1);
    }
  }
  const { before, industry, qualifier } = splitIndustry(rest, qualifierWords);
  let tradeName = before;
  if (!division) {
    const inside = divisionAtEnd(before);
    if (inside) {
      division = inside.match;
      position = 'MIDDLE';
      tradeName = before.slice(0, inside.start);
    }
  }
  return { division, position, tradeName: tradeName || null, industry, qualifier };
}

/** Splits a name that has been through normaliseName into its parts. */
export function parseName(normalised: string, options: ParseOptions = {}): ParsedName {
  const qualifierWords = options.qualifierWords ?? INDUSTRY_QUALIFIER_WORDS;
  const form = formAtEnd(normalised);
  let body = form ? normalised.slice(0, -form.form.length) : normalised;
  let branch: BranchParts | null = null;
  if (form?.branch) {
    const inner = innerFormEnding(body);
    if (inner) {
      branch = {
        parentName: body.slice(0, inner.end),
        parentOrganisationForm: inner.row.form,
        locality: body.slice(inner.end) || null,
      };
      body = body.slice(0, inner.end - inner.row.form.length);
    }
  }
  const parsed = parseBody(body, qualifierWords);
  return {
    normalised,
    parts: {
      administrativeDivision: parsed.division?.text ?? null,
      tradeName: parsed.tradeName,
      industry: parsed.industry,
      organisationForm: form?.form ?? null,
    },
    divisionPosition: parsed.position,
    divisionChain: parsed.division?.chain ?? [],
    industryQualifier: parsed.qualifier,
    branch,
  };
}
