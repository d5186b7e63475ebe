// A text published in versions, in both languages (the names module's commitment and undertaking,
// the registration commitments): the version in force or a past one, and a form for the next.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { groupUserErrors, type UserErrorLike } from '../api/errors';
import { ErrorNotice, FormErrors, Notice } from '../components/Feedback';
import { SelectField, TextAreaField } from '../components/Field';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

type Grouped = { general: string[]; byField: Record<string, string[]> };
const NO_ERRORS: Grouped = { general: [], byField: {} };

/** Read a text again after publishing, not from the cache. */
export const FRESH = { requestPolicy: 'network-only' } as const;

export interface TermsVersion {
  version: number;
  textZh: string;
  textEn: string;
  publishedAt: string;
}

interface TermsCardProps {
  /** Names the card's elements (its heading, fields and test id). */
  id: string;
  title: string;
  /** The version in force. */
  latest: number | undefined;
  /** The version on show: the one picked, or the one in force. */
  shown: TermsVersion | undefined;
  picked: number | null;
  onPick: (version: number | null) => void;
  error: CombinedError | undefined;
  publish: (input: {
    textZh: string;
    textEn: string;
  }) => Promise<{ version: number | null; userErrors: readonly UserErrorLike[] }>;
}

/** A versioned text: the version in force (or a past one picked), and a form for the next. */
export function TermsCard({ id: kind, title, latest, shown, picked, onPick, error, publish }: TermsCardProps) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [form, setForm] = useState({ textZh: '', textEn: '' });
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [published, setPublished] = useState<number | null>(null);
  const id = `${kind}-terms-title`;
  return (
    <section className="card" aria-labelledby={id} data-testid={`${kind}-terms`}>
      <h3 id={id} className="card__title">
        {title}
      </h3>
      {error ? <ErrorNotice error={error} /> : null}
      {latest ? (
        <SelectField
          label={t('admin.terms.version')}
          name={`${kind}Version`}
          value={String(picked ?? latest)}
          options={Array.from({ length: latest }, (_, i) => latest - i).map((v) => ({
            value: String(v),
            label: v === latest ? t('admin.terms.inForce', { version: v }) : t('admin.terms.past', { version: v }),
          }))}
          onChange={(e) => onPick(Number(e.target.value) === latest ? null : Number(e.target.value))}
        />
      ) : null}
      {shown ? (
        <div data-testid={`${kind}-terms-shown`}>
          <p className="field__hint">
            {t('admin.terms.publishedAt', {
              version: shown.version,
              at: formatDateTime(shown.publishedAt, language),
            })}
          </p>
          <blockquote lang="zh-CN">{shown.textZh}</blockquote>
          <blockquote lang="en">{shown.textEn}</blockquote>
        </div>
      ) : null}
      <form
        className="form"
        aria-label={t('admin.terms.publish')}
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await publish(form);
          if (result.userErrors.length || result.version === null) {
            setPublished(null);
            return setErrors(groupUserErrors(result.userErrors, ['textZh', 'textEn']));
          }
          setErrors(NO_ERRORS);
          setForm({ textZh: '', textEn: '' });
          setPublished(result.version);
        }}
      >
        {published ? <Notice kind="success">{t('admin.terms.published', { version: published })}</Notice> : null}
        <FormErrors messages={errors.general} />
        <TextAreaField
          label={t('admin.terms.textZh')}
          name={`${kind}TextZh`}
          lang="zh-CN"
          required
          rows={4}
          value={form.textZh}
          errors={errors.byField.textZh}
          onChange={(e) => setForm({ ...form, textZh: e.target.value })}
        />
        <TextAreaField
          label={t('admin.terms.textEn')}
          name={`${kind}TextEn`}
          lang="en"
          required
          rows={4}
          value={form.textEn}
          errors={errors.byField.textEn}
          onChange={(e) => setForm({ ...form, textEn: e.target.value })}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('admin.terms.publish')}
          </button>
        </div>
      </form>
    </section>
  );
}
