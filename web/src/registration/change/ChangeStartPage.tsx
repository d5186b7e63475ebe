import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { MyEnterprisesForRegistrationDocument, SaveRegistrationDraftDocument } from '../../gql/graphql';

/** The active enterprises the applicant acts for, as choices "name · credit code". */
export function useActiveEnterprises() {
  const [{ data, fetching, error }] = useQuery({
    query: MyEnterprisesForRegistrationDocument,
    requestPolicy: 'cache-and-network',
  });
  const enterprises = data?.myEnterprises.edges.map((edge) => edge.node).filter((e) => e.status === 'ACTIVE') ?? [];
  return { enterprises, loading: fetching && !data, error };
}

const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

/**
 * Starts a change registration: the applicant picks an enterprise it acts for; the draft starts from
 * the enterprise as registered and opens in the application form.
 */
export function ChangeStartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { enterprises, loading, error } = useActiveEnterprises();
  const [chosen, setChosen] = useState(search.get('enterprise') ?? '');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [{ fetching }, save] = useMutation(SaveRegistrationDraftDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setErrors({ byField: { enterpriseId: [t('registrationChange.chooseEnterprise')] }, general: [] });
      return;
    }
    const result = await save({ input: { kind: 'CHANGE', enterpriseId: chosen } });
    const payload = result.data?.saveRegistrationDraft;
    if (!payload) return;
    if (payload.userErrors.length || !payload.application) {
      setErrors(groupUserErrors(payload.userErrors, ['enterpriseId']));
      return;
    }
    navigate(`/applications/${encodeURIComponent(payload.application.id)}/edit`);
  };

  return (
    <Page title={t('registrationChange.startTitle')} intro={t('registrationChange.startIntro')}>
      {loading ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {!loading && !error && enterprises.length === 0 ? (
        <EmptyState>{t('registrationChange.noEnterprises')}</EmptyState>
      ) : null}
      {enterprises.length ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormErrors messages={errors.general} />
          <SelectField
            label={t('registrationChange.enterprise')}
            name="enterpriseId"
            required
            value={chosen}
            placeholder={t('common.choose')}
            options={enterprises.map((e) => ({ value: e.id, label: `${e.name}${e.uscc ? ` · ${e.uscc}` : ''}` }))}
            onChange={(event) => setChosen(event.target.value)}
            errors={errors.byField.enterpriseId}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={fetching}>
              {t('registrationChange.start')}
            </button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
