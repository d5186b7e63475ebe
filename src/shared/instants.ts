// Instants to and from text on the busy paths. A 50-row search page carries over a hundred of them,
// and the general-purpose conversions (Date.parse, toISOString().replace()) cost several times as much.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS; // China has kept UTC+8 without daylight saving since 1991
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * An instant as ISO 8601 in Asia/Shanghai time. Written out by hand (the civil date from the day
 * number, after H. Hinnant): a 50-row search page shows over a hundred instants, and
 * `toISOString().replace()` cost five times as much. Years outside 1970–9999 take the slow path.
 */
export function toShanghaiIso(date: Date): string {
  const ms = date.getTime() + SHANGHAI_OFFSET_MS;
  if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_YEAR_MS)) {
    return new Date(ms).toISOString().replace('Z', '+08:00');
  }
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const shifted = days + 719_468; // days since 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return (
    `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:` +
    `${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}+08:00`
  );
}

/**
 * An instant from UTC ISO 8601 text. The fixed shape SQL writes for the busy reads (financing.rows.ts
 * iso(): YYYY-MM-DDTHH:MI:SS.ffffffZ) is read by position; any other shape is parsed as usual.
 */
export function fromUtcIsoText(text: string): Date;
export function fromUtcIsoText(text: string | null): Date | null;
export function fromUtcIsoText(text: string | null): Date | null {
  if (text === null) return null;
  const year = text.length === 27 && text[10] === 'T' && text[26] === 'Z' ? digits(text, 0, 4) : 0;
  if (year < 100) return new Date(text); // Date.UTC reads years 0–99 as 1900–1999
  return new Date(
    Date.UTC(
      year,
      digits(text, 5, 2) - 1,
      digits(text, 8, 2),
      digits(text, 11, 2),
      digits(text, 14, 2),
      digits(text, 17, 2),
      digits(text, 20, 3),
    ),
  );
}

function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}
