import { useTranslation } from 'react-i18next';
import { usePreferences } from '../preferences/PreferencesProvider';

/** One button to the other language; its text is in that language, so either reader finds it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  const next = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={next}
      aria-label={t('prefs.switchToLabel')}
      onClick={() => setLanguage(next)}
    >
      {t('prefs.switchTo')}
    </button>
  );
}

/** The elder-friendly switch (适老化): larger text, higher contrast, larger targets, remembered. */
export function ElderSwitch() {
  const { t } = useTranslation();
  const { elder, setElder } = usePreferences();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={elder}
      className="button button--quiet switch"
      title={t('prefs.elderDescription')}
      onClick={() => setElder(!elder)}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      {t('prefs.elder')}
    </button>
  );
}
