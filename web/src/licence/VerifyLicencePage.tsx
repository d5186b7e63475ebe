import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Feedback';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { VerifyBusinessLicenceDocument } from '../gql/graphql';
import { formatDate, formatDateTime, formatMoney } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

/** Public: checks a business licence by the verification code printed on it. */
export function VerifyLicencePage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [draft, setDraft] = useState(code);
  const [{ data, fetching, error }] = useQuery({
    query: VerifyBusinessLicenceDocument,
    variables: { verificationCode: code },
    pause: !code,
    requestPolicy: 'network-only',
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setParams({ code: draft.trim() });
  };
  const result = code ? data?.verifyBusinessLicence : undefined;
  const facts = result?.licence?.facts;

  return (
    <Page title={t('licence.title')} intro={t('licence.intro')}>
      <form className="form form--narrow" onSubmit={onSubmit} role="search">
        <TextField
          label={t('licence.verificationCode')}
          name="verificationCode"
          required
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('licence.verify')}
          </button>
        </div>
      </form>
      <section className="section" aria-live="polite" aria-labelledby="verify-result-title">
        <h2 id="verify-result-title" className="visually-hidden">
          {t('licence.resultTitle')}
        </h2>
        {fetching ? <Loading /> : null}
        {error ? <ErrorNotice error={error} /> : null}
        {result && !result.genuine ? (
          <div className="notice notice--error" data-testid="licence-not-genuine">
            <p>{t('licence.notGenuine')}</p>
          </div>
        ) : null}
        {result?.genuine && result.licence ? (
          <div data-testid="licence-genuine">
            <div className={`notice ${result.current ? 'notice--success' : 'notice--warning'}`}>
              <p>{result.current ? t('licence.genuineCurrent') : t('licence.genuineNotCurrent')}</p>
            </div>
            <dl className="facts">
              <dt>{t('licence.enterpriseName')}</dt>
              <dd>{facts?.name}</dd>
              <dt>{t('licence.uscc')}</dt>
              <dd>{facts?.uscc}</dd>
              <dt>{t('licence.number')}</dt>
              <dd>
                {result.licence.number} <StatusBadge enumName="BusinessLicenceStatus" value={result.licence.status} />
              </dd>
              <dt>{t('licence.kind')}</dt>
              <dd>{enumLabel(t, 'EnterpriseKind', facts?.kind)}</dd>
              <dt>{t('licence.legalRepresentative')}</dt>
              <dd>{facts?.legalRepresentative ?? '—'}</dd>
              <dt>{t('licence.registeredCapital')}</dt>
              <dd>{facts?.registeredCapital ? formatMoney(facts.registeredCapital, language) : '—'}</dd>
              <dt>{t('licence.address')}</dt>
              <dd>{facts?.registeredAddress ?? '—'}</dd>
              <dt>{t('licence.businessScope')}</dt>
              <dd>{facts?.businessScope ?? '—'}</dd>
              <dt>{t('licence.establishedOn')}</dt>
              <dd>{facts ? formatDate(facts.establishedOn, language) : '—'}</dd>
              <dt>{t('licence.issuedAt')}</dt>
              <dd>{formatDateTime(result.licence.issuedAt, language)}</dd>
            </dl>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
