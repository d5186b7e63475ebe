const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident identity card number with a correct check character (area 370211). */
export function residentId(birth = '19850101', sequence = '123'): string {
  const first17 = `370211${birth}${sequence}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * RESIDENT_ID_WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
