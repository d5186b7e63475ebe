import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Feedback';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useDebounced } from '../components/useDebounced';
import { CheckEnterpriseNameDocument, type District, type EnterpriseKind } from '../gql/graphql';
import { enumOptions } from '../i18n/labels';
import { NameCheckResult } from './NameCheckResult';

export interface NameQuery {
  name: string;
  district: District | '';
  kind: EnterpriseKind | '';
  industry: string;
  foreignInvested: boolean;
}

/** The check's input from the form: empty optional fields are left out. */
export function checkInput(query: NameQuery) {
  return {
    name: query.name.trim(),
    ...(query.district ? { district: query.district } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.industry.trim() ? { industry: query.industry.trim().toUpperCase() } : {}),
    foreignInvested: query.foreignInvested,
  };
}

export function reservePath(query: NameQuery): string {
  const params = new URLSearchParams({ name: query.name.trim() });
  if (query.district) params.set('district', query.district);
  if (query.kind) params.set('kind', query.kind);
  if (query.industry.trim()) params.set('industry', query.industry.trim().toUpperCase());
  if (query.foreignInvested) params.set('foreignInvested', '1');
  return `/names/reserve?${params.toString()}`;
}

/** The name fields shared by the check and the reservation. */
export function NameQueryFields({
  query,
  onChange,
  errors = {},
  required = false,
}: {
  query: NameQuery;
  onChange(next: NameQuery): void;
  errors?: Record<string, string[]>;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('names.name')}
        hint={t('names.nameHint')}
        name="name"
        required
        autoComplete="off"
        value={query.name}
        onChange={(event) => onChange({ ...query, name: event.target.value })}
        errors={errors.name}
      />
      <div className="form__row">
        <SelectField
          label={t('names.district')}
          name="district"
          required={required}
          value={query.district}
          placeholder={required ? t('common.choose') : t('names.anyDistrict')}
          options={enumOptions(t, 'District')}
          onChange={(event) => onChange({ ...query, district: event.target.value as District | '' })}
          errors={errors.district}
        />
        <SelectField
          label={t('names.kind')}
          name="kind"
          required={required}
          value={query.kind}
          placeholder={required ? t('common.choose') : t('names.anyKind')}
          options={enumOptions(t, 'EnterpriseKind')}
          onChange={(event) => onChange({ ...query, kind: event.target.value as EnterpriseKind | '' })}
          errors={errors.kind}
        />
      </div>
      <TextField
        label={t('names.industry')}
        hint={t('names.industryCodeHint')}
        name="industry"
        autoComplete="off"
        value={query.industry}
        onChange={(event) => onChange({ ...query, industry: event.target.value })}
        errors={errors.industry}
      />
      <CheckboxField
        label={t('names.foreignInvested')}
        name="foreignInvested"
        checked={query.foreignInvested}
        onChange={(event) => onChange({ ...query, foreignInvested: event.target.checked })}
        errors={errors.foreignInvested}
      />
    </>
  );
}

/** Type a name and see, as you type, what the rules say about it (checkEnterpriseName, public). */
export function NameCheckPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<NameQuery>({
    name: '',
    district: '',
    kind: '',
    industry: '',
    foreignInvested: false,
  });
  const settled = useDebounced(query, 400);
  const input = checkInput(settled);
  const [{ data, fetching, error }, recheck] = useQuery({
    query: CheckEnterpriseNameDocument,
    variables: { input },
    pause: input.name.length < 2,
    requestPolicy: 'cache-first',
  });
  const check = input.name.length >= 2 ? data?.checkEnterpriseName : undefined;
  const typing = query !== settled;

  return (
    <Page title={t('names.checkTitle')} intro={t('names.checkIntro')}>
      <form className="form" role="search" onSubmit={(event) => event.preventDefault()}>
        <NameQueryFields query={query} onChange={setQuery} />
      </form>
      <section
        className="section"
        aria-labelledby="check-result-title"
        aria-live="polite"
        aria-busy={fetching || typing}
      >
        <h2 id="check-result-title">{t('names.resultTitle')}</h2>
        {input.name.length < 2 ? <p className="empty">{t('names.typeToCheck')}</p> : null}
        {fetching && !check ? <Loading label={t('names.checking')} /> : null}
        {error ? <ErrorNotice error={error} onRetry={() => recheck({ requestPolicy: 'network-only' })} /> : null}
        {check ? (
          <>
            <NameCheckResult check={check} />
            {check.available ? (
              <p>
                <Link className="button button--primary" to={reservePath(settled)}>
                  {t('names.reserveThis')}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}
      </section>
    </Page>
  );
}
