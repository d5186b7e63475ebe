import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browserLanguage, initI18n, isLanguage, type Language } from '../i18n';
import { readStored, STORAGE_KEYS, writeStored } from './storage';

export interface Preferences {
  language: Language;
  /** The person's explicit choice (the language switch): remembered, and wins over everything else. */
  setLanguage(language: Language): void;
  /**
   * The signed-in account's preferred language: applied unless the person chose one on this
   * browser, and not remembered as a choice.
   */
  adoptAccountLanguage(language: Language): void;
  /** Elder-friendly mode (适老化): larger text, higher contrast, larger click targets. */
  elder: boolean;
  setElder(elder: boolean): void;
}

const PreferencesContext = createContext<Preferences | null>(null);

/** The language chosen on this browser with the language switch, if any. */
export function chosenLanguage(): Language | null {
  const stored = readStored(STORAGE_KEYS.language);
  return isLanguage(stored) ? stored : null;
}

/** The language to show: the stored explicit choice, else the one the browser asks for (navigator.languages). */
export function storedLanguage(): Language {
  return chosenLanguage() ?? browserLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

export function storedElder(): boolean {
  return readStored(STORAGE_KEYS.elder) === '1';
}

/** The language and elder-friendly mode, remembered in localStorage and applied to <html>. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [elder, setElderState] = useState<boolean>(storedElder);

  useEffect(() => {
    initI18n(language);
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.documentElement.classList.toggle('elder', elder);
  }, [elder]);

  const setLanguage = useCallback((next: Language) => {
    writeStored(STORAGE_KEYS.language, next);
    initI18n(next);
    setLanguageState(next);
  }, []);

  const adoptAccountLanguage = useCallback((next: Language) => {
    if (chosenLanguage()) return;
    initI18n(next);
    setLanguageState(next);
  }, []);

  const setElder = useCallback((next: boolean) => {
    writeStored(STORAGE_KEYS.elder, next ? '1' : '0');
    setElderState(next);
  }, []);

  const value = useMemo(
    () => ({ language, setLanguage, adoptAccountLanguage, elder, setElder }),
    [language, setLanguage, adoptAccountLanguage, elder, setElder],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('usePreferences outside PreferencesProvider');
  return preferences;
}
