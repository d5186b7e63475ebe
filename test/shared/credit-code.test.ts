import { describe, expect, it } from 'vitest';
import {
  QINGDAO_CITY_AREA_CODE,
  QINGDAO_DISTRICTS,
  QINGDAO_DISTRICT_AREA_CODES,
  QINGDAO_DISTRICT_NAMES,
  USCC_ALPHABET,
  USCC_SEQUENCE_LIMIT,
  districtForAreaCode,
  generateUscc,
  normaliseUscc,
  organisationCodeBodyForSequence,
  organisationCodeCheckCharacter,
  usccCheckCharacter,
  validateUscc,
} from '../../src/shared/credit-code.js';

const WORKED = '914403001922038216';

/** A code with a correct 18th character but a wrong organisation-code check character. */
function withBadOrganisationCheck(code: string): string {
  const orgCheck = code[16]!;
  const wrong = orgCheck === '1' ? '2' : '1';
  const first17 = code.slice(0, 16) + wrong;
  return first17 + usccCheckCharacter(first17);
}

describe('check characters', () => {
  it('computes the worked example: Σ = 831, check 6', () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...WORKED.slice(0, 17)].reduce((acc, ch, i) => acc + USCC_ALPHABET.indexOf(ch) * weights[i]!, 0);
    expect(sum).toBe(831);
    expect(sum % 31).toBe(25);
    expect(usccCheckCharacter(WORKED.slice(0, 17))).toBe('6');
  });

  it('computes the organisation code check of 19220382 as 1', () => {
    expect(organisationCodeCheckCharacter('19220382')).toBe('1');
  });

  it('maps GB 11714 check values 10 to X and 11 to 0', () => {
    // Σ ≡ 1 (mod 11) gives 11 − 1 = 10 → X; Σ ≡ 0 gives 11 → 0. Find a digit body for each.
    const found = { X: '', zero: '' };
    for (let n = 0; n < 1000 && (!found.X || !found.zero); n++) {
      const body = String(n).padStart(8, '0');
      const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * [3, 7, 9, 10, 5, 8, 4, 2][i]!, 0);
      if (sum % 11 === 1 && !found.X) found.X = body;
      if (sum % 11 === 0 && !found.zero) found.zero = body;
    }
    expect(organisationCodeCheckCharacter(found.X)).toBe('X');
    expect(organisationCodeCheckCharacter(found.zero)).toBe('0');
    expect(organisationCodeCheckCharacter('00000000')).toBe('0');
  });

  it('values letters A=10 … Z=35 in the organisation code', () => {
    // A=10: 10×3 = 30, 30 mod 11 = 8, 11 − 8 = 3.
    expect(organisationCodeCheckCharacter('A0000000')).toBe('3');
    // Z=35 in last place: 35×2 = 70, 70 mod 11 = 4, 11 − 4 = 7.
    expect(organisationCodeCheckCharacter('0000000Z')).toBe('7');
  });

  it('maps an 18th check value of 31 to 0', () => {
    // Find a 17-character prefix whose sum is a multiple of 31.
    let prefix = '';
    for (let n = 0; n < 31 && !prefix; n++) {
      const candidate = '91370200' + '00000000' + USCC_ALPHABET[n]!;
      const sum = (USCC_ALPHABET.indexOf('9') * 1 + 1 * 3 + 3 * 9 + 7 * 27 + 2 * 26 + n * 28) % 31;
      if (sum === 0) prefix = candidate;
    }
    expect(prefix).not.toBe('');
    expect(usccCheckCharacter(prefix)).toBe('0');
  });

  it('refuses malformed input to the check functions', () => {
    expect(() => usccCheckCharacter('91440300192203821')).not.toThrow();
    expect(() => usccCheckCharacter('9144030019220382')).toThrow(RangeError);
    expect(() => usccCheckCharacter('9144030019220382I')).toThrow(RangeError);
    expect(() => organisationCodeCheckCharacter('1922038')).toThrow(RangeError);
    expect(() => organisationCodeCheckCharacter('1922038-')).toThrow(RangeError);
  });
});

describe('validateUscc', () => {
  it('accepts the worked example with both checks passing', () => {
    expect(validateUscc(WORKED)).toEqual({
      valid: true,
      checkCharacterOk: true,
      organisationCodeOk: true,
      problems: [],
    });
  });

  it('refuses the worked example with its last character changed to 7', () => {
    const result = validateUscc('914403001922038217');
    expect(result.valid).toBe(false);
    expect(result.checkCharacterOk).toBe(false);
    expect(result.problems).toEqual(['CHECK_CHARACTER']);
  });

  it('accepts lower-case input by upper-casing it', () => {
    const code = generateUscc({
      department: '9',
      category: '1',
      areaCode: '370211',
      sequence: 100_000_123,
    });
    expect(code).toMatch(/[A-Z]/);
    const result = validateUscc(code.toLowerCase());
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(normaliseUscc(code.toLowerCase())).toBe(code);
  });

  it('refuses a wrong length', () => {
    expect(validateUscc(WORKED.slice(0, 17)).problems).toEqual(['LENGTH']);
    expect(validateUscc(WORKED + '0').problems).toEqual(['LENGTH']);
    expect(validateUscc('').valid).toBe(false);
    expect(validateUscc(` ${WORKED}`).valid).toBe(false);
    expect(normaliseUscc(WORKED.slice(1))).toBeNull();
  });

  it.each(['I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z'])('refuses the letter %s', (letter) => {
    const code = WORKED.slice(0, 10) + letter + WORKED.slice(11);
    const result = validateUscc(code);
    expect(result.valid).toBe(false);
    expect(result.problems).toContain('ALPHABET');
    expect(result.checkCharacterOk).toBe(false);
  });

  it('refuses other characters (space, hyphen, full-width digits)', () => {
    expect(validateUscc('91440300192203821 ').problems).toEqual(['ALPHABET']);
    expect(validateUscc('9144030019-2038216').problems).toEqual(['ALPHABET']);
    expect(validateUscc('９14403001922038216').problems).toEqual(['ALPHABET']);
    expect(validateUscc('91440300192203821' + 'É').valid).toBe(false);
  });

  it('treats a failing organisation-code check as a warning only', () => {
    const legacy = withBadOrganisationCheck(WORKED);
    expect(legacy).not.toBe(WORKED);
    const result = validateUscc(legacy);
    expect(result.valid).toBe(true);
    expect(result.checkCharacterOk).toBe(true);
    expect(result.organisationCodeOk).toBe(false);
    expect(result.problems).toEqual(['ORGANISATION_CODE_CHECK']);
  });

  it('treats a letter other than X as the organisation-code check character as a warning', () => {
    const first17 = WORKED.slice(0, 16) + 'A';
    const result = validateUscc(first17 + usccCheckCharacter(first17));
    expect(result.valid).toBe(true);
    expect(result.organisationCodeOk).toBe(false);
    expect(result.problems).toContain('ORGANISATION_CODE_CHECK');
  });

  it('reports unknown department, category and area code as warnings', () => {
    const make = (first8: string): string => {
      const body = '19220382';
      const first17 = first8 + body + organisationCodeCheckCharacter(body);
      return first17 + usccCheckCharacter(first17);
    };
    expect(validateUscc(make('B1440300'))).toMatchObject({
      valid: true,
      problems: ['REGISTRATION_DEPARTMENT'],
    });
    expect(validateUscc(make('94440300'))).toMatchObject({
      valid: true,
      problems: ['ENTITY_CATEGORY'],
    });
    expect(validateUscc(make('52440300'))).toMatchObject({ valid: true, problems: [] });
    expect(validateUscc(make('91990000'))).toMatchObject({ valid: true, problems: ['AREA_CODE'] });
    expect(validateUscc(make('9144A300'))).toMatchObject({ valid: true, problems: ['AREA_CODE'] });
    expect(validateUscc(make('91100000'))).toMatchObject({ valid: true, problems: [] });
  });

  it('reports a bad 18th character together with the warnings', () => {
    const result = validateUscc('B4990000' + '1922038' + '2' + '0' + '0');
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toBe('CHECK_CHARACTER');
    expect(result.problems).toEqual(
      expect.arrayContaining(['REGISTRATION_DEPARTMENT', 'AREA_CODE', 'ORGANISATION_CODE_CHECK']),
    );
  });
});

describe('Qingdao districts', () => {
  it('maps the District enum values to GB/T 2260 codes', () => {
    expect(QINGDAO_DISTRICT_AREA_CODES).toEqual({
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
    expect(QINGDAO_CITY_AREA_CODE).toBe('370200');
    expect(QINGDAO_DISTRICTS).toHaveLength(10);
    expect(Object.isFrozen(QINGDAO_DISTRICT_AREA_CODES)).toBe(true);
  });

  it('names each district in Chinese and English', () => {
    expect(QINGDAO_DISTRICT_NAMES.SHINAN).toEqual({ zh: '市南区', en: 'Shinan District' });
    expect(QINGDAO_DISTRICT_NAMES.HUANGDAO.zh).toBe('黄岛区');
    expect(QINGDAO_DISTRICT_NAMES.JIAOZHOU).toEqual({ zh: '胶州市', en: 'Jiaozhou City' });
    expect(Object.keys(QINGDAO_DISTRICT_NAMES).sort()).toEqual([...QINGDAO_DISTRICTS].sort());
    for (const district of QINGDAO_DISTRICTS) {
      expect(QINGDAO_DISTRICT_NAMES[district].zh).toMatch(/^[\u4e00-\u9fff]{2}[区市]$/);
      expect(QINGDAO_DISTRICT_NAMES[district].en).toMatch(/^[A-Z][a-z]+ (District|City)$/);
    }
  });

  it('finds a district from its area code', () => {
    expect(districtForAreaCode('370211')).toBe('HUANGDAO');
    expect(districtForAreaCode('370200')).toBeNull();
    expect(districtForAreaCode('440300')).toBeNull();
  });
});

describe('generateUscc', () => {
  it.each(QINGDAO_DISTRICTS.flatMap((d) => (['1', '2', '3'] as const).map((c) => [d, c] as const)))(
    'issues a code for %s, category %s, that passes both checks',
    (district, category) => {
      const areaCode = QINGDAO_DISTRICT_AREA_CODES[district];
      for (const sequence of [0, 1, 42, 99_999_999, 100_000_000, USCC_SEQUENCE_LIMIT - 1]) {
        const code = generateUscc({ department: '9', category, areaCode, sequence });
        expect(code).toHaveLength(18);
        expect(code.slice(0, 2)).toBe(`9${category}`);
        expect(code.slice(2, 8)).toBe(areaCode);
        expect(validateUscc(code)).toEqual({
          valid: true,
          checkCharacterOk: true,
          organisationCodeOk: true,
          problems: [],
        });
      }
    },
  );

  it('builds the organisation code body as documented', () => {
    expect(organisationCodeBodyForSequence(0)).toBe('00000000');
    expect(organisationCodeBodyForSequence(19_220_382)).toBe('19220382');
    expect(organisationCodeBodyForSequence(99_999_999)).toBe('99999999');
    expect(organisationCodeBodyForSequence(100_000_000)).toBe('A0000000');
    expect(organisationCodeBodyForSequence(100_000_001)).toBe('A0000001');
    expect(organisationCodeBodyForSequence(100_000_010)).toBe('A000000A');
    expect(organisationCodeBodyForSequence(100_000_031)).toBe('A0000010');
    expect(organisationCodeBodyForSequence(100_000_000 + 31 ** 7)).toBe('B0000000');
    expect(organisationCodeBodyForSequence(USCC_SEQUENCE_LIMIT - 1)).toBe('YYYYYYYY');
  });

  it('reproduces the worked example from its parts', () => {
    expect(generateUscc({ department: '9', category: '1', areaCode: '440300', sequence: 19_220_382 })).toBe(WORKED);
  });

  it('is deterministic', () => {
    const input = {
      department: '9',
      category: '2',
      areaCode: '370281',
      sequence: 123_456_789,
    } as const;
    expect(generateUscc(input)).toBe(generateUscc({ ...input }));
  });

  it('throws a RangeError on a bad area code', () => {
    const base = { department: '9', category: '1', sequence: 1 } as const;
    for (const areaCode of ['', '37021', '3702111', '37021A', '990000', '710000', ' 370211']) {
      expect(() => generateUscc({ ...base, areaCode })).toThrow(RangeError);
    }
  });

  it('throws a RangeError on a sequence out of range', () => {
    const base = { department: '9', category: '1', areaCode: '370202' } as const;
    for (const sequence of [-1, 1.5, Number.NaN, Infinity, USCC_SEQUENCE_LIMIT, 2 ** 53]) {
      expect(() => generateUscc({ ...base, sequence })).toThrow(RangeError);
    }
  });

  it('throws a RangeError on a department or category it does not issue', () => {
    const base = { areaCode: '370202', sequence: 1 };
    expect(() => generateUscc({ ...base, department: '5' as '9', category: '1' })).toThrow(RangeError);
    expect(() => generateUscc({ ...base, department: '9', category: '4' as '1' })).toThrow(RangeError);
  });

  it('issues valid, distinct codes over many sequences (property test)', () => {
    // Deterministic pseudo-random sequences (LCG) across the whole range, plus both edges of the
    // decimal/letter boundary and of every leading letter.
    let state = 0x2f6b_1d3a;
    const next = (): number => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state;
    };
    const sequences = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const high = next() % 1_000_000;
      sequences.add((high * 2 ** 32 + next()) % USCC_SEQUENCE_LIMIT);
      sequences.add(next() % 100_000_000);
    }
    for (let i = 0; i < 500; i++) sequences.add(i);
    for (let letter = 0; letter < 21; letter++) {
      const start = 100_000_000 + letter * 31 ** 7;
      sequences
        .add(start)
        .add(start - 1)
        .add(start + 30)
        .add(start + 31);
    }

    const codes = new Set<string>();
    const bodies = new Set<string>();
    for (const sequence of sequences) {
      const code = generateUscc({ department: '9', category: '1', areaCode: '370212', sequence });
      const result = validateUscc(code);
      expect(result.valid && result.organisationCodeOk && result.problems.length === 0).toBe(true);
      expect([...code].every((ch) => USCC_ALPHABET.includes(ch))).toBe(true);
      codes.add(code);
      bodies.add(code.slice(8, 16));
    }
    expect(sequences.size).toBeGreaterThan(6000);
    expect(codes.size).toBe(sequences.size);
    expect(bodies.size).toBe(sequences.size);
  });
});
