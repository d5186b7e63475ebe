import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import {
  EnterpriseDeregistrationNoticesDocument,
  StartSimplifiedDeregistrationNoticeDocument,
  type EnterpriseKind,
} from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { usePreferences } from '../../preferences/PreferencesProvider';
import { CommitmentStep } from '../form/steps/CommitmentStep';
import { useActiveEnterprises } from './ChangeStartPage';
import { DeregistrationForm } from './DeregistrationForm';
import { NoticePeriod } from './NoticePeriod';
import { RadioChoice } from './RadioChoice';

type Route = 'ordinary' | 'simplified';
const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

/** Publishes the 20-day notice a simplified deregistration rests on, after the investors' promise is read and given. */
function StartNoticeForm({ enterpriseId, onStarted }: { enterpriseId: string; onStarted(): void }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: EnterpriseDeregistrationNoticesDocument, variables: { enterpriseId } });
  const terms = data?.noticeTerms;
  const [accepted, setAccepted] = useState(false);
  const [signatory, setSignatory] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [{ fetching, error }, start] = useMutation(StartSimplifiedDeregistrationNoticeDocument);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!terms) return;
    const result = await start({
      input: { enterpriseId, commitment: { termsVersion: terms.version, accepted, signatoryName: signatory.trim() } },
    });
    const payload = result.data?.startSimplifiedDeregistrationNotice;
    if (!payload) return;
    if (payload.userErrors.length || !payload.notice) {
      setErrors(
        groupUserErrors(payload.userErrors, [
          'commitment',
          'commitment.accepted',
          'commitment.signatoryName',
          'commitment.termsVersion',
        ]),
      );
      return;
    }
    setErrors(NO_ERRORS);
    onStarted();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="start-notice">
      <h2>{t('deregistrationFlow.startNoticeTitle')}</h2>
      <p>{t('deregistrationFlow.startNoticeIntro')}</p>
      <FormErrors messages={errors.general} />
      {error ? <ErrorNotice error={error} /> : null}
      <CommitmentStep
        terms={terms}
        accepted={accepted}
        onAccepted={setAccepted}
        signatory={signatory}
        onSignatory={setSignatory}
        at={(key) => errors.byField[key]}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching || !terms}>
          {t('deregistrationFlow.startNotice')}
        </button>
      </div>
    </form>
  );
}

/**
 * The simplified route for an enterprise: its notice as it stands (period, objections), the form to
 * start one when there is none in force, and the application once the notice has ended unopposed.
 * An individual business applies at once, without a notice.
 */
function SimplifiedRoute({ enterpriseId, kind }: { enterpriseId: string; kind: EnterpriseKind }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching }, refetch] = useQuery({
    query: EnterpriseDeregistrationNoticesDocument,
    variables: { enterpriseId },
    requestPolicy: 'cache-and-network',
  });
  if (kind === 'INDIVIDUAL_BUSINESS') {
    return (
      <>
        <Notice>{t('deregistrationFlow.individualNoNotice')}</Notice>
        <DeregistrationForm enterpriseId={enterpriseId} enterpriseKind={kind} simplified />
      </>
    );
  }
  if (fetching && !data) return <Loading />;
  const notice = data?.simplifiedDeregistrationNotices.edges[0]?.node ?? null;
  const canStart = !notice || ['LAPSED', 'OBJECTED', 'COMPLETED'].includes(notice.status);
  return (
    <>
      {notice ? <NoticePeriod notice={notice} /> : null}
      {notice?.status === 'IN_NOTICE' ? (
        <Notice>{t('deregistrationFlow.applyAfter', { date: formatDate(notice.endsOn, language) })}</Notice>
      ) : null}
      {notice?.status === 'ENDED' ? (
        <DeregistrationForm enterpriseId={enterpriseId} enterpriseKind={kind} simplified />
      ) : null}
      {canStart && notice?.status !== 'COMPLETED' ? (
        <StartNoticeForm enterpriseId={enterpriseId} onStarted={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
    </>
  );
}

/**
 * Deregistration (注销登记): the applicant picks an enterprise it acts for and the route — ordinary
 * (after liquidation) or simplified (after a 20-day public notice without objection) — and applies;
 * the four departments' clearances then show live on the application's page.
 */
export function DeregistrationPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const { enterprises, loading, error } = useActiveEnterprises();
  const [chosen, setChosen] = useState(search.get('enterprise') ?? '');
  const [route, setRoute] = useState<Route>('ordinary');
  const enterprise = enterprises.find((e) => e.id === chosen);
  return (
    <Page title={t('deregistrationFlow.title')} intro={t('deregistrationFlow.intro')}>
      {loading ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {!loading && !error && enterprises.length === 0 ? (
        <EmptyState>{t('registrationChange.noEnterprises')}</EmptyState>
      ) : null}
      {enterprises.length ? (
        <div className="form">
          <SelectField
            label={t('registrationChange.enterprise')}
            name="enterpriseId"
            required
            value={chosen}
            placeholder={t('common.choose')}
            options={enterprises.map((e) => ({ value: e.id, label: `${e.name}${e.uscc ? ` · ${e.uscc}` : ''}` }))}
            onChange={(event) => setChosen(event.target.value)}
          />
          {enterprise ? (
            <RadioChoice<Route>
              legend={t('deregistrationFlow.route')}
              name="route"
              value={route}
              options={[
                {
                  value: 'ordinary',
                  label: t('deregistrationFlow.ordinary'),
                  hint: t('deregistrationFlow.ordinaryHint'),
                },
                {
                  value: 'simplified',
                  label: t('deregistrationFlow.simplified'),
                  hint: t('deregistrationFlow.simplifiedHint'),
                },
              ]}
              onChange={setRoute}
            />
          ) : null}
        </div>
      ) : null}
      {enterprise && route === 'ordinary' ? (
        <DeregistrationForm
          key={`${enterprise.id}-ordinary`}
          enterpriseId={enterprise.id}
          enterpriseKind={enterprise.kind}
          simplified={false}
        />
      ) : null}
      {enterprise && route === 'simplified' ? (
        <SimplifiedRoute key={enterprise.id} enterpriseId={enterprise.id} kind={enterprise.kind} />
      ) : null}
    </Page>
  );
}
