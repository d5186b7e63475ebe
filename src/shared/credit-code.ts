// Unified social credit code (统一社会信用代码, GB 32100-2015) and the organisation code it embeds
// (组织机构代码, GB 11714). Pure functions: no database, no GraphQL. See design/domain-rules.md §0.
//
// Layout of the 18 characters:
//   1      registration department (9 = market regulation)
//   2      entity category (under 9: 1 enterprise, 2 individual business, 3 farmers' cooperative)
//   3–8    GB/T 2260 code of the registering authority
//   9–16   organisation code body (GB 11714)
//   17     organisation code check character (0–9 or X)
//   18     check character over positions 1–17

/** The 31 characters a USCC may use, valued 0–30 (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The letters of USCC_ALPHABET: letters valid in both alphabets (GB 11714 allows A–Z). */
const USCC_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i−1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 weights for the 8 body characters. */
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const USCC_VALUE = new Map<string, number>([...USCC_ALPHABET].map((ch, i) => [ch, i]));

/** GB 11714 value of a body character: 0–9 for digits, A=10 … Z=35; undefined otherwise. */
function organisationCodeValue(ch: string): number | undefined {
  if (ch.length !== 1) return undefined;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  return undefined;
}

/**
 * The 18th character for the first 17 characters of a USCC (upper-cased first).
 * Throws a RangeError unless the input is 17 characters of USCC_ALPHABET.
 */
export function usccCheckCharacter(first17: string): string {
  const text = first17.toUpperCase();
  if (text.length !== 17) throw new RangeError('usccCheckCharacter needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_VALUE.get(text[i]!);
    if (value === undefined) {
      throw new RangeError(`"${text[i]}" is not in the unified social credit code alphabet`);
    }
    sum += value * USCC_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31; // 31 → 0
  return USCC_ALPHABET[check]!;
}

/**
 * The GB 11714 check character for an 8-character organisation code body (upper-cased first):
 * 11 − (Σ value×weight mod 11), with 10 → 'X' and 11 → '0'.
 * Throws a RangeError unless the input is 8 characters of 0–9 / A–Z.
 */
export function organisationCodeCheckCharacter(first8: string): string {
  const text = first8.toUpperCase();
  if (text.length !== 8) {
    throw new RangeError('organisationCodeCheckCharacter needs exactly 8 characters');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = organisationCodeValue(text[i]!);
    if (value === undefined) {
      throw new RangeError(`"${text[i]}" is not allowed in an organisation code`);
    }
    sum += value * ORGANISATION_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Stable problem codes; the mutation layer turns them into user errors. */
export type UsccProblem =
  | 'LENGTH' // not 18 characters
  | 'ALPHABET' // a character outside USCC_ALPHABET (after upper-casing)
  | 'CHECK_CHARACTER' // the 18th character does not match
  | 'ORGANISATION_CODE_CHECK' // the 17th character does not match the GB 11714 check (warning)
  | 'REGISTRATION_DEPARTMENT' // position 1 is not a known registration department (warning)
  | 'ENTITY_CATEGORY' // position 2 is not a category of that department (warning)
  | 'AREA_CODE'; // positions 3–8 are not a plausible GB/T 2260 code (warning)

export interface UsccValidation {
  /** 18 characters of the alphabet and the 18th-character check passes. */
  valid: boolean;
  checkCharacterOk: boolean;
  organisationCodeOk: boolean;
  /** Every problem found, blocking or not, in a stable order. */
  problems: UsccProblem[];
}

/**
 * Entity categories per registration department (GB 32100-2015 and its later additions).
 * A department mapped to null is known but its categories are not checked.
 */
const ENTITY_CATEGORIES: Readonly<Record<string, readonly string[] | null>> = {
  '1': ['1', '2', '3', '9'], // 机构编制: 机关, 事业单位, 群众团体, 其他
  '2': ['1', '9'], // 外交
  '3': ['1', '2', '3', '4', '5', '9'], // 司法行政
  '4': ['1', '9'], // 文化
  '5': ['1', '2', '3', '9'], // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': ['1', '2', '9'], // 旅游
  '7': ['1', '2', '9'], // 宗教
  '8': ['1', '9'], // 工会
  '9': ['1', '2', '3'], // 市场监管: 企业, 个体工商户, 农民专业合作社
  A: ['1', '9'], // 中央军委改革和编制办公室
  N: ['1', '2', '3', '9'], // 农业
  Y: null, // 其他
};

/** GB/T 2260 province-level prefixes of mainland China. */
// prettier-ignore
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);

/** '100000' (national-level registration) or 6 digits under a mainland province prefix. */
export function isPlausibleAreaCode(areaCode: string): boolean {
  if (!/^\d{6}$/.test(areaCode)) return false;
  return areaCode === '100000' || PROVINCE_PREFIXES.has(areaCode.slice(0, 2));
}

/** Whether positions 9–17 form an organisation code whose check character matches. */
function organisationCodeMatches(code: string): boolean {
  const body = code.slice(8, 16);
  for (const ch of body) if (organisationCodeValue(ch) === undefined) return false;
  return organisationCodeCheckCharacter(body) === code[16];
}

/**
 * Checks a code accepted from outside. Lower-case letters are upper-cased; anything else outside
 * the alphabet is refused. Only LENGTH, ALPHABET and CHECK_CHARACTER make it invalid; the other
 * problems (legacy records) are warnings reported alongside `valid: true`.
 */
export function validateUscc(code: string): UsccValidation {
  const text = typeof code === 'string' ? code.toUpperCase() : '';
  const problems: UsccProblem[] = [];
  const lengthOk = text.length === 18;
  const alphabetOk = [...text].every((ch) => USCC_VALUE.has(ch));
  if (!lengthOk) problems.push('LENGTH');
  if (!alphabetOk) problems.push('ALPHABET');
  if (!lengthOk || !alphabetOk) {
    return { valid: false, checkCharacterOk: false, organisationCodeOk: false, problems };
  }

  const checkCharacterOk = usccCheckCharacter(text.slice(0, 17)) === text[17];
  if (!checkCharacterOk) problems.push('CHECK_CHARACTER');
  const organisationCodeOk = organisationCodeMatches(text);
  if (!organisationCodeOk) problems.push('ORGANISATION_CODE_CHECK');

  const department = text[0]!;
  if (!(department in ENTITY_CATEGORIES)) {
    problems.push('REGISTRATION_DEPARTMENT');
  } else {
    const categories = ENTITY_CATEGORIES[department];
    if (categories && !categories.includes(text[1]!)) problems.push('ENTITY_CATEGORY');
  }
  if (!isPlausibleAreaCode(text.slice(2, 8))) problems.push('AREA_CODE');

  return { valid: checkCharacterOk, checkCharacterOk, organisationCodeOk, problems };
}

/** The upper-cased form of a code that passes validateUscc, or null. */
export function normaliseUscc(code: string): string | null {
  return validateUscc(code).valid ? code.toUpperCase() : null;
}

// ---------------------------------------------------------------------------------------------
// Issuing

const DECIMAL_RANGE = 100_000_000;
const BASE31_POW7 = 31 ** 7;

/** Exclusive upper bound of the sequence generateUscc accepts (10^8 + 21 × 31^7). */
export const USCC_SEQUENCE_LIMIT = DECIMAL_RANGE + USCC_LETTERS.length * BASE31_POW7;

/**
 * The organisation code body (8 characters) for a sequence, a bijection onto a subset of the codes whose
 * characters are in both alphabets (digits and the 21 letters of USCC_ALPHABET):
 *
 * - 0 ≤ n < 10^8: the 8 decimal digits of n, zero-padded ("00000042").
 * - 10^8 ≤ n < USCC_SEQUENCE_LIMIT: with m = n − 10^8, the first character is the letter
 *   USCC_LETTERS[⌊m / 31^7⌋] ("ABCDEFGHJKLMNPQRTUWXY") and the other seven are m mod 31^7
 *   written in base 31 with USCC_ALPHABET as digits ("A0000000", "A0000001", …).
 *
 * The two ranges cannot collide: the first never contains a letter, the second always starts
 * with one.
 */
export function organisationCodeBodyForSequence(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= USCC_SEQUENCE_LIMIT) {
    throw new RangeError(`sequence must be an integer from 0 to ${USCC_SEQUENCE_LIMIT - 1}, got ${sequence}`);
  }
  if (sequence < DECIMAL_RANGE) return String(sequence).padStart(8, '0');
  const m = sequence - DECIMAL_RANGE;
  let rest = m % BASE31_POW7;
  let tail = '';
  for (let i = 0; i < 7; i++) {
    tail = USCC_ALPHABET[rest % 31]! + tail;
    rest = Math.floor(rest / 31);
  }
  return USCC_LETTERS[Math.floor(m / BASE31_POW7)]! + tail;
}

export interface GenerateUsccInput {
  /** Registration department: 9 = market regulation (the only one this platform issues for). */
  department: '9';
  /** 1 enterprise, 2 individual business, 3 farmers' cooperative. */
  category: '1' | '2' | '3';
  /** GB/T 2260 code of the registering authority, 6 digits (e.g. 370211). */
  areaCode: string;
  /** Non-negative integer below USCC_SEQUENCE_LIMIT; distinct sequences give distinct codes. */
  sequence: number;
}

/**
 * Issues a code: department + category + area code + organisation code body (from the sequence)
 * + its GB 11714 check character + the 18th check character. Passes both checks by construction.
 * Throws a RangeError on a bad department, category, area code or sequence.
 */
export function generateUscc(input: GenerateUsccInput): string {
  const { department, category, areaCode, sequence } = input;
  if (department !== '9') throw new RangeError(`unsupported registration department "${department}"`);
  if (category !== '1' && category !== '2' && category !== '3') {
    throw new RangeError(`unsupported entity category "${String(category)}"`);
  }
  if (typeof areaCode !== 'string' || !isPlausibleAreaCode(areaCode)) {
    throw new RangeError(`"${String(areaCode)}" is not a GB/T 2260 area code`);
  }
  const body = organisationCodeBodyForSequence(sequence);
  const first17 = department + category + areaCode + body + organisationCodeCheckCharacter(body);
  return first17 + usccCheckCharacter(first17);
}

// ---------------------------------------------------------------------------------------------
// Qingdao districts (GB/T 2260)

/** Values of the GraphQL District enum. */
export type QingdaoDistrict =
  'SHINAN' | 'SHIBEI' | 'HUANGDAO' | 'LAOSHAN' | 'LICANG' | 'CHENGYANG' | 'JIMO' | 'JIAOZHOU' | 'PINGDU' | 'LAIXI';

/** Qingdao city as a whole (青岛市). */
export const QINGDAO_CITY_AREA_CODE = '370200';

export const QINGDAO_DISTRICT_AREA_CODES: Readonly<Record<QingdaoDistrict, string>> = Object.freeze({
  SHINAN: '370202',
  SHIBEI: '370203',
  HUANGDAO: '370211',
  LAOSHAN: '370212',
  LICANG: '370213',
  CHENGYANG: '370214',
  JIMO: '370215',
  JIAOZHOU: '370281',
  PINGDU: '370283',
  LAIXI: '370285',
});

export const QINGDAO_DISTRICTS: readonly QingdaoDistrict[] = Object.freeze(
  Object.keys(QINGDAO_DISTRICT_AREA_CODES) as QingdaoDistrict[],
);

export const QINGDAO_DISTRICT_NAMES: Readonly<Record<QingdaoDistrict, { zh: string; en: string }>> = Object.freeze({
  SHINAN: { zh: '市南区', en: 'Shinan District' },
  SHIBEI: { zh: '市北区', en: 'Shibei District' },
  HUANGDAO: { zh: '黄岛区', en: 'Huangdao District' }, // 西海岸新区; contains the FTZ
  LAOSHAN: { zh: '崂山区', en: 'Laoshan District' },
  LICANG: { zh: '李沧区', en: 'Licang District' },
  CHENGYANG: { zh: '城阳区', en: 'Chengyang District' },
  JIMO: { zh: '即墨区', en: 'Jimo District' },
  JIAOZHOU: { zh: '胶州市', en: 'Jiaozhou City' },
  PINGDU: { zh: '平度市', en: 'Pingdu City' },
  LAIXI: { zh: '莱西市', en: 'Laixi City' },
});

/** The district whose GB/T 2260 code this is, or null. */
export function districtForAreaCode(areaCode: string): QingdaoDistrict | null {
  for (const district of QINGDAO_DISTRICTS) {
    if (QINGDAO_DISTRICT_AREA_CODES[district] === areaCode) return district;
  }
  return null;
}
