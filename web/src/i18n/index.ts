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
