import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN, type Messages } from './zh-CN';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/** The API's Locale enum for a language (sign-up's preferred language). */
export function apiLocale(language: Language): 'ZH_CN' | 'EN' {
  return language === 'en' ? 'EN' : 'ZH_CN';
}

/**
 * The language a browser asks for (navigator.languages, most preferred first, as Accept-Language):
 * the first entry in Chinese or English decides; none of either gives the default, Chinese.
 */
export function browserLanguage(preferred: readonly string[] | undefined): Language {
  for (const tag of preferred ?? []) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}

/** The web language of the API's Locale enum (an account's preferred language). */
export function languageOfLocale(locale: string | null | undefined): Language | null {
  return locale === 'EN' ? 'en' : locale === 'ZH_CN' ? 'zh-CN' : null;
}

/**
 * The dictionaries: Chinese, the default, is part of the first page load; English loads when it is
 * first wanted (index.html starts fetching it at once when the page will open in English, and the
 * app waits for it before its first render), so a Chinese first visit does not download it.
 */
const DICTIONARIES: Record<Language, () => Promise<Messages>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./en').then((module) => module.en),
};

const loaded = new Map<Language, Promise<void>>();
let initialised = false;
let wanted: Language = DEFAULT_LANGUAGE;

/** Starts i18next once, synchronously, in Chinese. */
function start() {
  if (initialised) return;
  initialised = true;
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES as Language[],
    // The other language's texts arrive with addResourceBundle, not from a backend.
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  loaded.set(DEFAULT_LANGUAGE, Promise.resolve());
}

/** Makes a language's texts available to i18next (once; later calls share the first load). */
export function loadLanguage(language: Language): Promise<void> {
  start();
  let loading = loaded.get(language);
  if (!loading) {
    loading = DICTIONARIES[language]().then((messages) => {
      i18next.addResourceBundle(language, 'translation', messages);
    });
    loaded.set(language, loading);
  }
  return loading;
}

/**
 * Starts i18next (once) and switches it to `language`: at once when that language's
 * texts are loaded (Chinese always is), else as soon as they are (until then the page stays in the
 * language it had).
 */
export function initI18n(language: Language): typeof i18next {
  start();
  wanted = language;
  if (i18next.hasResourceBundle(language, 'translation')) {
    if (i18next.language !== language) void i18next.changeLanguage(language);
  } else {
    void loadLanguage(language).then(() => {
      if (wanted === language && i18next.language !== language) void i18next.changeLanguage(language);
    });
  }
  return i18next;
}

// Unit tests switch languages synchronously (renderWithApp, initI18n('en')): there, English is
// loaded before any test runs. Not in the build (the mode is "production" there).
if (import.meta.env.MODE === 'test') await loadLanguage('en');
