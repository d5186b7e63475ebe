import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { CheckboxField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { useDebounced } from '../components/useDebounced';
import {
  CheckEnterpriseNameDocument,
  ReserveEnterpriseNameDocument,
  type District,
  type EnterpriseKind,
} from '../gql/graphql';
import { enumValues } from '../i18n/labels';
import { NameCheckResult } from './NameCheckResult';
import { checkInput, NameQueryFields, type NameQuery } from './NameCheckPage';

const FIELDS = [
  'name',
  'district',
  'kind',
  'industry',
  'foreignInvested',
  'priorApprovalRequired',
  'commitment.accepted',
  'commitment.signatoryName',
  'commitment.termsVersion',
  'commitment',
  'similarNameUndertaking.accepted',
  'similarNameUndertaking.signatoryName',
  'similarNameUndertaking.termsVersion',
  'similarNameUndertaking',
];
const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

function initialQuery(params: URLSearchParams): NameQuery {
  const district = params.get('district') ?? '';
  const kind = params.get('kind') ?? '';
  return {
    name: params.get('name') ?? '',
    district: (enumValues<District>('District') as string[]).includes(district) ? (district as District) : '',
    kind: (enumValues<EnterpriseKind>('EnterpriseKind') as string[]).includes(kind) ? (kind as EnterpriseKind) : '',
    industry: params.get('industry') ?? '',
    foreignInvested: params.get('foreignInvested') === '1',
  };
}

/**
 * Reserves a name for the signed-in applicant. Every reservation carries the applicant's undertaking
 * on similar names (规定 第十六条第三项), shown in full; a special name also shows the commitment terms
 * (告知承诺). The applicant accepts what is shown and signs once, as on the registries' own forms.
 */
export function ReserveNamePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<NameQuery>(() => initialQuery(params));
  const [priorApproval, setPriorApproval] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [signatory, setSignatory] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);

  const settled = useDebounced(query, 400);
  const input = checkInput(settled);
  const [{ data: checkData, fetching: checking, error: checkError }] = useQuery({
    query: CheckEnterpriseNameDocument,
    variables: { input },
    pause: input.name.length < 2,
  });
  const check = input.name.length >= 2 ? checkData?.checkEnterpriseName : undefined;
  const terms = check?.special ? check.commitmentTerms : null;
  const undertaking = check?.similarNameUndertakingTerms ?? null;
  const [{ fetching, error }, reserve] = useMutation(ReserveEnterpriseNameDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Required items are checked here: an empty district or legal form cannot even be sent (it is not
    // a value of its enum), so the API could only answer "malformed" with no field marked.
    const missing = (['name', 'district', 'kind'] as const).filter((key) => !String(query[key]).trim());
    if (missing.length) {
      setErrors({
        byField: Object.fromEntries(missing.map((key) => [key, [t('applicationForm.requiredMessage')]])),
        general: [],
      });
      document.querySelector<HTMLElement>(`main form [name="${missing[0]}"]`)?.focus();
      return;
    }
    const result = await reserve({
      input: {
        name: query.name.trim(),
        district: query.district as District,
        kind: query.kind as EnterpriseKind,
        ...(query.industry.trim() ? { industry: query.industry.trim().toUpperCase() } : {}),
        foreignInvested: query.foreignInvested,
        priorApprovalRequired: priorApproval,
        ...(terms ? { commitment: { termsVersion: terms.version, accepted, signatoryName: signatory.trim() } } : {}),
        ...(undertaking
          ? {
              similarNameUndertaking: {
                termsVersion: undertaking.version,
                accepted,
                signatoryName: signatory.trim(),
              },
            }
          : {}),
      },
    });
    const payload = result.data?.reserveEnterpriseName;
    if (!payload) return;
    if (payload.userErrors.length || !payload.reservation) {
      setErrors(groupUserErrors(payload.userErrors, FIELDS));
      return;
    }
    navigate('/names/mine', { state: { reserved: payload.reservation.name } });
  };

  const commitmentErrors = [
    ...(errors.byField.commitment ?? []),
    ...(errors.byField['commitment.termsVersion'] ?? []),
    ...(errors.byField.similarNameUndertaking ?? []),
    ...(errors.byField['similarNameUndertaking.termsVersion'] ?? []),
  ];
  const acceptErrors = [
    ...(errors.byField['commitment.accepted'] ?? []),
    ...(errors.byField['similarNameUndertaking.accepted'] ?? []),
  ];
  const signatoryErrors = [
    ...(errors.byField['commitment.signatoryName'] ?? []),
    ...(errors.byField['similarNameUndertaking.signatoryName'] ?? []),
  ];
  // One signature for what is shown: the same message twice (both documents unsigned) is told once.
  const once = (messages: string[]) => (messages.length ? [...new Set(messages)] : undefined);
  return (
    <Page title={t('names.reserveTitle')} intro={t('names.reserveIntro')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        {error ? <ErrorNotice error={error} /> : null}
        <NameQueryFields query={query} onChange={setQuery} errors={errors.byField} required />
        <CheckboxField
          label={t('names.priorApproval')}
          hint={t('names.priorApprovalHint')}
          name="priorApprovalRequired"
          checked={priorApproval}
          onChange={(event) => setPriorApproval(event.target.checked)}
          errors={errors.byField.priorApprovalRequired}
        />
        <section aria-labelledby="reserve-check-title" aria-live="polite" aria-busy={checking}>
          <h2 id="reserve-check-title">{t('names.resultTitle')}</h2>
          {checking && !check ? <Loading label={t('names.checking')} /> : null}
          {checkError ? <ErrorNotice error={checkError} /> : null}
          {check ? <NameCheckResult check={check} /> : null}
        </section>
        {terms || undertaking ? (
          <fieldset className="commitment" aria-describedby={terms ? 'commitment-terms' : 'undertaking-terms'}>
            <legend>
              {terms
                ? t('names.commitmentTitle', { version: terms.version })
                : t('names.undertakingTitle', { version: undertaking!.version })}
            </legend>
            {terms ? (
              <div
                id="commitment-terms"
                className="commitment__terms"
                tabIndex={0}
                role="document"
                aria-label={t('names.commitmentTermsLabel')}
              >
                {terms.text.split(/\n+/).map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
            ) : null}
            {undertaking ? (
              <>
                {terms ? <h3>{t('names.undertakingTitle', { version: undertaking.version })}</h3> : null}
                <p className="hint">{t('names.undertakingExplain')}</p>
                <div
                  id="undertaking-terms"
                  className="commitment__terms"
                  tabIndex={0}
                  role="document"
                  aria-label={t('names.undertakingTermsLabel')}
                >
                  {undertaking.text.split(/\n+/).map((paragraph, index) => (
                    <p key={index}>{paragraph}</p>
                  ))}
                </div>
              </>
            ) : null}
            {commitmentErrors.length ? <FormErrors messages={once(commitmentErrors)!} /> : null}
            <CheckboxField
              label={
                terms && undertaking
                  ? t('names.commitmentAndUndertakingAccept')
                  : terms
                    ? t('names.commitmentAccept')
                    : t('names.undertakingAccept')
              }
              name="commitmentAccepted"
              checked={accepted}
              onChange={(event) => setAccepted(event.target.checked)}
              errors={once(acceptErrors)}
            />
            <TextField
              label={t('names.signatory')}
              hint={t('names.signatoryHint')}
              name="signatoryName"
              autoComplete="name"
              required
              value={signatory}
              onChange={(event) => setSignatory(event.target.value)}
              errors={once(signatoryErrors)}
            />
          </fieldset>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {fetching ? t('names.reserving') : terms ? t('names.reserveWithCommitment') : t('names.reserve')}
          </button>
        </div>
      </form>
    </Page>
  );
}
