import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

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

let initialised = false;

/** Starts i18next once, synchronously (resources are bundled: both languages are small). */
export function initI18n(language: Language): typeof i18next {
  if (!initialised) {
    initialised = true;
    void i18next.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES as Language[],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  return i18next;
}
