// Texts for people, in both languages the platform speaks. Modules register their own catalogues
// (defineMessages) so each keeps its words beside its rules; keys are namespaced "module.thing".

export type Locale = 'ZH_CN' | 'EN';

export interface Message {
  zh: string;
  en: string;
}

export type MessageParams = Record<string, string | number>;

const catalogue = new Map<string, Message>();

/** Adds a module's messages; a key defined twice is a programming error. */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, K> {
  const keys = {} as Record<K, K>;
  for (const [key, message] of Object.entries(messages) as [K, Message][]) {
    if (catalogue.has(key)) throw new Error(`message "${key}" is defined twice`);
    catalogue.set(key, message);
    keys[key] = key;
  }
  return keys;
}

/** Renders a message in a locale, filling `{name}` placeholders. Unknown keys render as the key itself. */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const message = catalogue.get(key);
  const template = message ? (locale === 'EN' ? message.en : message.zh) : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return catalogue.has(key);
}

/** Picks the locale from an Accept-Language header: English when it prefers en, Chinese otherwise. */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return 'ZH_CN';
  const preferred = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag.startsWith('en') || entry.tag.startsWith('zh'))
    .sort((a, b) => b.q - a.q)[0];
  return preferred?.tag.startsWith('en') ? 'EN' : 'ZH_CN';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A date parameter as a person reads it in the locale, as the web client writes dates: a calendar
 * day "2026-12-03" → 2026年12月3日 / Dec 3, 2026; an instant → its day and time in Qingdao. Any other
 * value (and a day that does not exist) is left as it is.
 */
export function localiseParam(locale: Locale, value: string | number): string | number {
  if (typeof value !== 'string') return value;
  const language = locale === 'EN' ? 'en' : 'zh-CN';
  const day = ISO_DAY.exec(value);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (date.toISOString().slice(0, 10) !== value) return value;
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
  if (ISO_INSTANT.test(value)) {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return value;
    return new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(instant);
  }
  return value;
}

/** `translate` for texts people read as prose (notifications): dates in the params written per locale. */
export function translateForPeople(locale: Locale, key: string, params: MessageParams = {}): string {
  const localised: MessageParams = {};
  for (const [name, value] of Object.entries(params)) localised[name] = localiseParam(locale, value);
  return translate(locale, key, localised);
}
