import { en } from '../../../web/src/i18n/en.js';
import { zhCN } from '../../../web/src/i18n/zh-CN.js';

// The web client's own message catalogues, so the browser tests find buttons and texts by exactly
// what a person reads in each language.

export type Language = 'en' | 'zh-CN';

export function text(language: Language, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = language === 'en' ? en : zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no message ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
