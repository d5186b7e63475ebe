import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { TextAreaField } from '../components/Field';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import {
  NameVerificationContextDocument,
  NameVerificationQueueDocument,
  RecordNameVerificationDocument,
  RegistrationReviewQueueDocument,
  type NameVerificationOutcome,
} from '../gql/graphql';
import { formatDate, formatDateTime, todayInQingdao } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { DESK_LABELS, deskPath } from '../session/landing';
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

type QueueReservation = NonNullable<ReturnType<typeof useNameQueue>['rows'][number]>;
type SpecialWordRow = { word: string; scope: string };

/**
 * Why a reserved name is special, in words the official checks against the commitment: the listed
 * special word it carries, （中国）, or where its administrative division is (missing, or in the middle).
 */
export function specialBecause(
  t: (key: string, options?: Record<string, unknown>) => string,
  reservation: Pick<QueueReservation, 'name' | 'parts'>,
  words: readonly SpecialWordRow[],
): string[] {
  const reasons: string[] = [];
  const name = reservation.name;
  const rest =
    reservation.parts.administrativeDivision && name.startsWith(reservation.parts.administrativeDivision)
      ? name.slice(reservation.parts.administrativeDivision.length)
      : name;
  for (const word of words) {
    if (word.scope === 'START' ? rest.startsWith(word.word) : name.includes(word.word)) {
      reasons.push(t('deskCards.specialWord', { word: word.word }));
    }
  }
  if (name.includes('（中国）')) reasons.push(t('deskCards.bracketedChina'));
  const division = reservation.parts.administrativeDivision;
  if (!division) reasons.push(t('deskCards.noDivision'));
  else if (!name.startsWith(division)) reasons.push(t('deskCards.divisionInMiddle', { division }));
  return reasons.length ? reasons : [t('deskCards.specialWordUnknown')];
}

function VerificationRow({
  reservation,
  words,
  application,
}: {
  reservation: QueueReservation;
  words: readonly SpecialWordRow[];
  application: { id: string; number: string; status: string } | undefined;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>({ byField: {}, general: [] });
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [{ fetching }, record] = useMutation(RecordNameVerificationDocument);
  const noteId = `note-${reservation.id}`;

  useEffect(() => {
    if (confirming) dialog.current?.showModal?.();
    else dialog.current?.close?.();
  }, [confirming]);

  const decide = async (outcome: NameVerificationOutcome) => {
    const result = await record({ input: { id: reservation.id, outcome, note: note.trim() || null } });
    const payload = result.data?.recordNameVerification;
    if (payload?.userErrors.length) setErrors(groupUserErrors(payload.userErrors, ['note']));
  };
  const askRevoke = () => {
    if (!note.trim()) {
      setErrors({ byField: { note: [t('deskCards.revokeNoteRequired')] }, general: [] });
      document.getElementById(noteId)?.focus();
      return;
    }
    setErrors({ byField: {}, general: [] });
    setConfirming(true);
  };
  const closeDialog = () => {
    setConfirming(false);
    revokeButton.current?.focus();
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
        <dt>{t('deskCards.specialBecause')}</dt>
        <dd data-testid="special-because">{specialBecause(t, reservation, words).join('；')}</dd>
        <dt>{t('deskCards.commitmentGiven')}</dt>
        <dd>
          {reservation.commitment
            ? t('deskCards.commitmentText', {
                name: reservation.commitment.signatoryName,
                at: formatDateTime(reservation.commitment.acceptedAt, language),
                version: reservation.commitment.termsVersion,
              })
            : '—'}
        </dd>
        <dt>{t('desk.applicant')}</dt>
        <dd>
          {reservation.applicant?.displayName ?? '—'}
          {reservation.applicant?.email ? ` · ${reservation.applicant.email}` : ''}
        </dd>
        <dt>{t('deskCards.grantedHow')}</dt>
        <dd data-testid="granted-how">
          {reservation.declaredInApplication ? t('deskCards.declaredDirectly') : t('deskCards.reserved')}
        </dd>
        <dt>{t('deskCards.application')}</dt>
        <dd>
          {application ? (
            <Link to={`/desk/applications/${encodeURIComponent(application.id)}`}>
              {application.number} ({enumLabel(t, 'RegistrationStatus', application.status)})
            </Link>
          ) : (
            t('deskCards.noApplication')
          )}
        </dd>
        <dt>{t('names.reservedAt')}</dt>
        <dd>{formatDateTime(reservation.reservedAt, language)}</dd>
        <dt>{t('desk.verifyBy')}</dt>
        <dd>
          <DueDate day={reservation.verification?.dueBy} overdue={reservation.verification?.overdue ?? false} />
        </dd>
      </dl>
      {reservation.verification?.status === 'PENDING' ? (
        <div className="form">
          <FormErrors messages={errors.general} />
          <TextAreaField
            id={noteId}
            label={t('deskCards.revokeNote')}
            name={`note-${reservation.id}`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            errors={errors.byField.note}
          />
          <div className="form__actions decision-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={fetching}
              onClick={() => void decide('COMPLIANT')}
            >
              {t('desk.compliant')}
            </button>
            <button
              ref={revokeButton}
              type="button"
              className="button button--danger-outline"
              disabled={fetching}
              onClick={askRevoke}
            >
              {t('desk.falseCommitment')}
            </button>
          </div>
          {confirming ? (
            <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onCancel={closeDialog}>
              <h4 id={titleId}>{t('deskCards.confirmRevokeTitle')}</h4>
              <p>{t('deskCards.confirmRevokeBody', { name: reservation.name })}</p>
              <div className="form__actions">
                <button type="button" className="button button--secondary" onClick={closeDialog}>
                  {t('deskCards.cancel')}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  disabled={fetching}
                  onClick={() => {
                    setConfirming(false);
                    void decide('FALSE_COMMITMENT');
                  }}
                >
                  {t('deskCards.confirmRevoke')}
                </button>
              </div>
            </dialog>
          ) : null}
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
  const [{ data: context }] = useQuery({ query: NameVerificationContextDocument, requestPolicy: 'cache-and-network' });
  const words = context?.specialWords ?? [];
  const applications = [...(context?.inReview.edges ?? []), ...(context?.confirmed.edges ?? [])].map((e) => e.node);
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
            <VerificationRow
              key={reservation.id}
              reservation={reservation}
              words={words}
              application={
                reservation.declaredInApplication ?? applications.find((a) => a.nameReservation?.id === reservation.id)
              }
            />
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
  // Only market regulation reviews registrations and names; another department is shown its own desk
  // instead of queues it may not read.
  if (user && user.department !== 'MARKET_REGULATION') {
    const desk = deskPath(user);
    return (
      <Page title={t('desk.title')}>
        <Notice>{t('deskCards.notForDepartment')}</Notice>
        {desk ? (
          <p>
            <Link className="button button--primary" to={desk}>
              {t(DESK_LABELS[desk] ?? 'nav.desk')}
            </Link>
          </p>
        ) : null}
      </Page>
    );
  }
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
