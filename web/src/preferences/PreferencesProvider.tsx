import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANGUAGE, initI18n, isLanguage, type Language } from '../i18n';
import { readStored, STORAGE_KEYS, writeStored } from './storage';

export interface Preferences {
  language: Language;
  setLanguage(language: Language): void;
  /** Elder-friendly mode (适老化): larger text, higher contrast, larger click targets. */
  elder: boolean;
  setElder(elder: boolean): void;
}

const PreferencesContext = createContext<Preferences | null>(null);

export function storedLanguage(): Language {
  const stored = readStored(STORAGE_KEYS.language);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
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

  const setElder = useCallback((next: boolean) => {
    writeStored(STORAGE_KEYS.elder, next ? '1' : '0');
    setElderState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage, elder, setElder }), [language, setLanguage, elder, setElder]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('usePreferences outside PreferencesProvider');
  return preferences;
}
