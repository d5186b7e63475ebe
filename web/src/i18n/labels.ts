import type { TFunction } from 'i18next';
import { zhCN } from './zh-CN';

export type EnumName = keyof typeof zhCN.enums;

/** The label of an API enum value in the current language (the catalogue covers every value: see enums.test.ts). */
export function enumLabel(t: TFunction, name: EnumName, value: string | null | undefined): string {
  if (!value) return '';
  return t(`enums.${name}.${value}`, { defaultValue: value });
}

/** The values of an API enum in catalogue order, as select options. */
export function enumOptions(t: TFunction, name: EnumName): { value: string; label: string }[] {
  return Object.keys(zhCN.enums[name]).map((value) => ({ value, label: enumLabel(t, name, value) }));
}

export function enumValues<T extends string>(name: EnumName): T[] {
  return Object.keys(zhCN.enums[name]) as T[];
}
