import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import {
  NameVerificationQueueDocument,
  RecordNameVerificationDocument,
  RegistrationReviewQueueDocument,
  type NameVerificationOutcome,
} from '../gql/graphql';
import { formatDate, formatDateTime, todayInQingdao } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useViewer } from '../session/useViewer';
import { CLEARANCE_DEPARTMENTS } from './clearances/ClearanceQueuePage';

function DueDate({ day, overdue }: { day: string | null | undefined; overdue: boolean }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  if (!day) return <>—</>;
  return (
    <>
      <time dateTime={day}>{formatDate(day, language)}</time>{' '}
      {overdue ? (
        <span className="badge badge--danger" data-testid="overdue">
          {t('desk.overdue')}
        </span>
      ) : day === todayInQingdao() ? (
        <span className="badge badge--warning">{t('desk.dueToday')}</span>
      ) : null}
    </>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RegistrationReviewQueueDocument,
    variables: { first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.registrationReviewQueue.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="section" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">
        {t('desk.reviewQueue')} {data ? <span className="badge">{data.registrationReviewQueue.totalCount}</span> : null}
      </h2>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('desk.reviewQueueEmpty')}</EmptyState> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table data-testid="review-queue">
            <caption className="visually-hidden">{t('desk.reviewQueue')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registration.number')}</th>
                <th scope="col">{t('registration.items.name')}</th>
                <th scope="col">{t('desk.applicant')}</th>
                <th scope="col">{t('registration.submittedAt')}</th>
                <th scope="col">{t('registration.decideBy')}</th>
                <th scope="col">{t('desk.reviewReasons')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className={row.overdue ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/desk/applications/${encodeURIComponent(row.id)}`}>{row.number}</Link>
                  </th>
                  <td>{row.declaration.name ?? '—'}</td>
                  <td>{row.applicant.displayName}</td>
                  <td>{row.submittedAt ? formatDateTime(row.submittedAt, language) : '—'}</td>
                  <td>
                    <DueDate day={row.decideBy} overdue={row.overdue} />
                  </td>
                  <td>
                    {row.reviewReasons.map((reason) => enumLabel(t, 'RegistrationReviewReason', reason)).join('、') ||
                      t('desk.sameDay')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function VerificationRow({
  reservation,
}: {
  reservation: NonNullable<ReturnType<typeof useNameQueue>['rows'][number]>;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, record] = useMutation(RecordNameVerificationDocument);
  const decide = async (outcome: NameVerificationOutcome) => {
    const result = await record({ input: { id: reservation.id, outcome, note: note.trim() || null } });
    const payload = result.data?.recordNameVerification;
    if (payload?.userErrors.length) {
      const grouped = groupUserErrors(payload.userErrors, []);
      setErrors(grouped.general);
    }
  };
  return (
    <li className="card" data-testid="verification-item">
      <h3 className="card__title">
        {reservation.name}{' '}
        {reservation.verification ? (
          <StatusBadge enumName="NameVerificationStatus" value={reservation.verification.status} />
        ) : null}
      </h3>
      <dl className="facts">
        <dt>{t('desk.applicant')}</dt>
        <dd>{reservation.applicant?.displayName ?? '—'}</dd>
        <dt>{t('names.reservedAt')}</dt>
        <dd>{formatDateTime(reservation.reservedAt, language)}</dd>
        <dt>{t('desk.verifyBy')}</dt>
        <dd>
          <DueDate day={reservation.verification?.dueBy} overdue={reservation.verification?.overdue ?? false} />
        </dd>
        {reservation.commitment ? (
          <>
            <dt>{t('names.committedBy')}</dt>
            <dd>{reservation.commitment.signatoryName}</dd>
          </>
        ) : null}
      </dl>
      {reservation.verification?.status === 'PENDING' ? (
        <div className="form">
          <FormErrors messages={errors} />
          <TextField
            label={t('desk.verificationNote')}
            name={`note-${reservation.id}`}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={fetching}
              onClick={() => void decide('COMPLIANT')}
            >
              {t('desk.compliant')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={fetching}
              onClick={() => void decide('FALSE_COMMITMENT')}
            >
              {t('desk.falseCommitment')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function useNameQueue() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NameVerificationQueueDocument,
    variables: { first: 50 },
    requestPolicy: 'cache-and-network',
  });
  return { data, fetching, error, refetch, rows: data?.nameVerificationQueue.edges.map((edge) => edge.node) ?? [] };
}

function NameVerificationQueue() {
  const { t } = useTranslation();
  const { data, fetching, error, refetch, rows } = useNameQueue();
  return (
    <section className="section" aria-labelledby="name-queue-title">
      <h2 id="name-queue-title">
        {t('desk.nameQueue')} {data ? <span className="badge">{data.nameVerificationQueue.totalCount}</span> : null}
      </h2>
      <p>{t('desk.nameQueueIntro')}</p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('desk.nameQueueEmpty')}</EmptyState> : null}
      {rows.length ? (
        <ul className="cards">
          {rows.map((reservation) => (
            <VerificationRow key={reservation.id} reservation={reservation} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function DeskHomePage() {
  const { t } = useTranslation();
  const { user } = useViewer();
  // Each department's officials get their own queues: the registry's queues answer only market regulation.
  if (user?.department && (CLEARANCE_DEPARTMENTS as readonly string[]).includes(user.department))
    return <Navigate to="/desk/clearances" replace />;
  if (user?.department !== 'MARKET_REGULATION')
    return (
      <Page title={t('desk.title')}>
        <Notice>{t('clearances.notClearanceOfficial')}</Notice>
      </Page>
    );
  return (
    <Page title={t('desk.title')} intro={t('desk.intro')}>
      <p>
        <Link to="/desk/inspections">{t('inspections.title')}</Link>
      </p>
      <ReviewQueue />
      <NameVerificationQueue />
    </Page>
  );
}
