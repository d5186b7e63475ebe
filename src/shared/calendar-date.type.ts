import { Type } from '@mikro-orm/core';

/**
 * A calendar day (PostgreSQL `date`) held as 'YYYY-MM-DD' in the application. Drivers disagree on
 * how they hand `date` back (node-postgres as text, PGlite as a Date at UTC midnight); this type
 * gives the same string on both and never shifts the day through a time zone.
 */
export class CalendarDateType extends Type<string | null, string | null> {
  override convertToDatabaseValue(value: string | null): string | null {
    return value;
  }

  override convertToJSValue(value: string | Date | null): string | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value).slice(0, 10);
  }

  override getColumnType(): string {
    return 'date';
  }

  override compareAsType(): string {
    return 'string';
  }
}
