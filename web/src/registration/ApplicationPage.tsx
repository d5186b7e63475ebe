import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading, Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import {
  RegistrationApplicationDocument,
  WithdrawRegistrationApplicationDocument,
  type ApplicationFieldsFragment,
} from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { LicencePdfDownload } from '../licence/LicencePdfDownload';
import { useViewer } from '../session/useViewer';
import { CorrectionNoticeView } from './CorrectionNoticeView';
import { ClearanceProgress } from '../desk/clearances/ClearanceProgress';
import { DeclarationView } from './DeclarationView';
import { ApplicationChangeDetails } from './change/ApplicationChangeDetails';
import { History } from './History';
import { useLiveApplication } from './useLiveApplication';

export function LicenceCard({ application }: { application: ApplicationFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { user } = useViewer();
  const licence = application.enterprise?.licence;
  if (!application.enterprise || !licence) return null;
  // The PDF is for those who act for the enterprise (the server checks it); others verify by the code.
  const mayDownload = user?.role === 'APPLICANT' && licence.status === 'VALID';
  return (
    <section className="card licence" aria-labelledby="licence-title" data-testid="licence">
      <h2 id="licence-title">{t('registration.licenceTitle')}</h2>
      <dl className="facts">
        <dt>{t('licence.enterpriseName')}</dt>
        <dd>{application.enterprise.name}</dd>
        <dt>{t('licence.uscc')}</dt>
        <dd>{application.enterprise.uscc}</dd>
        <dt>{t('licence.number')}</dt>
        <dd>{licence.number}</dd>
        <dt>{t('licence.issuedAt')}</dt>
        <dd>{formatDateTime(licence.issuedAt, language)}</dd>
        <dt>{t('licence.verificationCode')}</dt>
        <dd>
          <code data-testid="verification-code">{licence.verificationCode}</code>
        </dd>
      </dl>
      <p>
        <Link className="button button--secondary" to={`/verify?code=${encodeURIComponent(licence.verificationCode)}`}>
          {t('licence.verifyThis')}
        </Link>
      </p>
      {mayDownload ? (
        <LicencePdfDownload enterpriseId={application.enterprise.id} uscc={application.enterprise.uscc} />
      ) : null}
    </section>
  );
}

/** One of the applicant's applications, kept current by the registrationApplicationUpdated subscription. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { id = '' } = useParams();
  const justSubmitted = Boolean((useLocation().state as { submitted?: boolean } | null)?.submitted);
  const [{ data, fetching, error }, refetch] = useQuery({ query: RegistrationApplicationDocument, variables: { id } });
  const { application: live, announcement } = useLiveApplication(data?.registrationApplication);
  const application = live as ApplicationFieldsFragment | null;
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawRegistrationApplicationDocument);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!application) {
    return (
      <Page title={t('common.notFoundTitle')} intro={t('errors.NOT_FOUND')}>
        <Link to="/applications">{t('registration.mineTitle')}</Link>
      </Page>
    );
  }
  const editable = application.status === 'DRAFT' || application.status === 'CORRECTION_REQUESTED';
  const onWithdraw = async () => {
    if (!window.confirm(t('registration.withdrawConfirm'))) return;
    await withdraw({ input: { id: application.id } });
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('registration.applicationTitle', { number: application.number })}>
      <p className="status-line">
        <StatusBadge enumName="RegistrationStatus" value={application.status} />
        <span role="status" aria-live="polite" className="status-line__live">
          {announcement}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('registration.kind')}</dt>
        <dd>{enumLabel(t, 'RegistrationKind', application.kind)}</dd>
        <dt>{t('registration.submittedAt')}</dt>
        <dd>{application.submittedAt ? formatDateTime(application.submittedAt, language) : '—'}</dd>
        <dt>{t('registration.decideBy')}</dt>
        <dd>
          {application.decideBy ? formatDate(application.decideBy, language) : '—'}
          {application.overdue ? <span className="badge badge--danger">{t('registration.overdue')}</span> : null}
        </dd>
        {application.decidedAt ? (
          <>
            <dt>{t('registration.decidedAt')}</dt>
            <dd>{formatDateTime(application.decidedAt, language)}</dd>
          </>
        ) : null}
      </dl>
      {justSubmitted && application.status === 'SUBMITTED' ? (
        <div className="notice notice--success" role="status" data-testid="submitted-notice">
          <h2 className="notice__title">{t('applicationForm.submittedTitle')}</h2>
          <p>
            {application.decideBy
              ? t('applicationForm.submittedBody', { date: formatDate(application.decideBy, language) })
              : t('applicationForm.submittedBodyNoDate')}
          </p>
        </div>
      ) : null}
      {application.status === 'CONFIRMED' ? <Notice kind="success">{t('registration.confirmedNotice')}</Notice> : null}
      {application.status === 'REJECTED' ? (
        <div className="notice notice--error">
          <p>{t('registration.rejectedNotice')}</p>
          <ul>
            {application.rejectionReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {application.status === 'CORRECTION_REQUESTED' && application.correctionNotice ? (
        <CorrectionNoticeView notice={application.correctionNotice} />
      ) : null}
      <LicenceCard application={application} />
      <ApplicationChangeDetails application={application} />
      {application.kind === 'DEREGISTRATION' ? <ClearanceProgress applicationId={application.id} canAnswer /> : null}
      {editable ? (
        <p className="form__actions">
          <Link className="button button--primary" to={`/applications/${encodeURIComponent(application.id)}/edit`}>
            {application.status === 'DRAFT' ? t('registration.continueDraft') : t('registration.correctAndResubmit')}
          </Link>
          <button type="button" className="button button--secondary" onClick={onWithdraw} disabled={withdrawing}>
            {t('registration.withdraw')}
          </button>
        </p>
      ) : null}
      <section className="section" aria-labelledby="declared-title">
        <h2 id="declared-title">{t('registration.declaredTitle')}</h2>
        <DeclarationView declaration={application.declaration} />
      </section>
      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('registration.historyTitle')}</h2>
        <History history={application.history} />
      </section>
    </Page>
  );
}
