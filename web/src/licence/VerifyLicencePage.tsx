import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Feedback';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { LicenceByUsccDocument, VerifyBusinessLicenceDocument } from '../gql/graphql';
import { formatDate, formatDateTime, formatMoney } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { readTypedCode } from './readableCode';

/** Where to report a licence that may be fake: the market-regulation hotline and platform. */
function ReportAdvice() {
  const { t } = useTranslation();
  return <p data-testid="licence-report">{t('licence.report')}</p>;
}

/**
 * Public: checks a business licence by the verification code printed on it (typed, or from the URL
 * `/verify?code=…` a QR code on the licence links to), or looks up what the register holds for a
 * unified social credit code (`/verify?uscc=…`).
 */
export function VerifyLicencePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const uscc = params.get('uscc') ?? '';
  const [draftCode, setDraftCode] = useState(code);
  const [draftUscc, setDraftUscc] = useState(uscc);
  // Kept in step when the URL changes (back and forward, or a link to another code).
  useEffect(() => setDraftCode(code), [code]);
  useEffect(() => setDraftUscc(uscc), [uscc]);

  const onCode = (event: FormEvent) => {
    event.preventDefault();
    if (draftCode.trim()) setParams({ code: draftCode.trim() });
  };
  const onUscc = (event: FormEvent) => {
    event.preventDefault();
    if (draftUscc.trim()) setParams({ uscc: draftUscc.trim().toUpperCase() });
  };

  return (
    <Page title={t('licence.title')} intro={t('licence.intro')}>
      <div className="verify">
        <section className="section verify__part" aria-labelledby="verify-by-code">
          <h2 id="verify-by-code">{t('licence.byCodeTitle')}</h2>
          <form className="form form--narrow" onSubmit={onCode} role="search" aria-labelledby="verify-by-code">
            <TextField
              label={t('licence.verificationCode')}
              hint={t('licence.codeHint')}
              name="verificationCode"
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="field__input field__input--code"
              value={draftCode}
              onChange={(event) => setDraftCode(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                {t('licence.verify')}
              </button>
            </div>
          </form>
          {code ? <CodeResult key={code} code={code} /> : null}
        </section>
        <section className="section verify__part" aria-labelledby="verify-by-uscc">
          <h2 id="verify-by-uscc">{t('licence.byUsccTitle')}</h2>
          <form className="form form--narrow" onSubmit={onUscc} role="search" aria-labelledby="verify-by-uscc">
            <TextField
              label={t('licence.uscc')}
              hint={t('licence.usccHint')}
              name="uscc"
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              className="field__input field__input--code"
              value={draftUscc}
              onChange={(event) => setDraftUscc(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                {t('licence.lookUp')}
              </button>
            </div>
          </form>
          {uscc ? <UsccResult key={uscc} uscc={uscc} /> : null}
        </section>
      </div>
    </Page>
  );
}

/** Moves focus to a result when it appears, so it is read out and seen on a phone. */
function useFocusOnShow<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ready) ref.current?.focus();
  }, [ready]);
  return ref;
}

function CodeResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const typed = readTypedCode(code);
  const [{ data, fetching, error }] = useQuery({
    query: VerifyBusinessLicenceDocument,
    variables: { verificationCode: typed.kind === 'mistyped' ? '' : typed.code },
    pause: typed.kind === 'mistyped',
    requestPolicy: 'network-only',
  });
  const result = typed.kind === 'mistyped' ? undefined : data?.verifyBusinessLicence;
  const ref = useFocusOnShow<HTMLDivElement>(typed.kind === 'mistyped' || Boolean(result));
  const facts = result?.licence?.facts;

  return (
    <div className="verify__result" aria-live="polite">
      <h3 className="visually-hidden">{t('licence.resultTitle')}</h3>
      {fetching ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {typed.kind === 'mistyped' ? (
        <div ref={ref} tabIndex={-1} className="notice notice--warning" data-testid="licence-mistyped">
          <p>{t('licence.mistyped')}</p>
        </div>
      ) : null}
      {result && !result.genuine ? (
        <div ref={ref} tabIndex={-1} className="notice notice--error" data-testid="licence-not-genuine">
          <p className="notice__title">
            <strong>{t('licence.notGenuineTitle')}</strong>
          </p>
          <p>{t('licence.notGenuine')}</p>
          <ReportAdvice />
        </div>
      ) : null}
      {result?.genuine && result.licence ? (
        <div data-testid="licence-genuine">
          <div ref={ref} tabIndex={-1} className={`notice ${result.current ? 'notice--success' : 'notice--warning'}`}>
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
    </div>
  );
}

function UsccResult({ uscc }: { uscc: string }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching, error }] = useQuery({
    query: LicenceByUsccDocument,
    variables: { uscc },
    requestPolicy: 'network-only',
  });
  const answered = Boolean(data) && !fetching;
  const enterprise = answered ? data?.enterpriseByUscc : undefined;
  const ref = useFocusOnShow<HTMLDivElement>(answered);

  return (
    <div className="verify__result" aria-live="polite">
      <h3 className="visually-hidden">{t('licence.resultTitle')}</h3>
      {fetching ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {answered && !enterprise ? (
        <div ref={ref} tabIndex={-1} className="notice notice--error" data-testid="uscc-not-found">
          <p>{t('licence.usccNotFound')}</p>
        </div>
      ) : null}
      {enterprise ? (
        <div data-testid="uscc-found">
          <div ref={ref} tabIndex={-1} className="notice notice--info">
            <p>{t('licence.usccFound')}</p>
          </div>
          <dl className="facts">
            <dt>{t('licence.enterpriseName')}</dt>
            <dd>{enterprise.name}</dd>
            <dt>{t('licence.uscc')}</dt>
            <dd>{enterprise.uscc}</dd>
            <dt>{t('licence.enterpriseStatus')}</dt>
            <dd>
              <StatusBadge enumName="EnterpriseStatus" value={enterprise.status} />
            </dd>
            <dt>{t('licence.currentLicence')}</dt>
            <dd>
              {enterprise.licence
                ? t('licence.currentLicenceLine', {
                    number: enterprise.licence.number,
                    date: formatDateTime(enterprise.licence.issuedAt, language),
                  })
                : t('licence.noCurrentLicence')}
            </dd>
            <dt>{t('licence.kind')}</dt>
            <dd>{enumLabel(t, 'EnterpriseKind', enterprise.kind)}</dd>
            <dt>{t('licence.legalRepresentative')}</dt>
            <dd>{enterprise.legalRepresentative ?? '—'}</dd>
            <dt>{t('licence.registeredCapital')}</dt>
            <dd>{enterprise.registeredCapital ? formatMoney(enterprise.registeredCapital, language) : '—'}</dd>
            <dt>{t('licence.address')}</dt>
            <dd>{enterprise.registeredAddress?.address ?? '—'}</dd>
            <dt>{t('licence.businessScope')}</dt>
            <dd>{enterprise.businessScope ?? '—'}</dd>
            <dt>{t('licence.establishedOn')}</dt>
            <dd>{enterprise.establishedOn ? formatDate(enterprise.establishedOn, language) : '—'}</dd>
          </dl>
        </div>
      ) : null}
    </div>
  );
}
