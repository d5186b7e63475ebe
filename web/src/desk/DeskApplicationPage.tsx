import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { SelectField, TextAreaField } from '../components/Field';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import {
  ConfirmRegistrationApplicationDocument,
  DeskApplicationDocument,
  RejectRegistrationApplicationDocument,
  RequestRegistrationCorrectionDocument,
  type UserErrorFieldsFragment,
} from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { CorrectionNoticeView } from '../registration/CorrectionNoticeView';
import { DeclarationView } from '../registration/DeclarationView';
import { ApplicationChangeDetails } from '../registration/change/ApplicationChangeDetails';
import { ClearanceProgress } from './clearances/ClearanceProgress';
import { History } from '../registration/History';
import { CORRECTABLE } from '../registration/items';
import { ConfirmDialog } from './ConfirmDialog';

const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

interface CorrectionDraft {
  field: string;
  message: string;
}

/** One application on the official's desk: the declared items, and confirm / request corrections / reject. */
export function DeskApplicationPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DeskApplicationDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const application = data?.registrationApplication;
  const [note, setNote] = useState('');
  const [items, setItems] = useState<CorrectionDraft[]>([{ field: '', message: '' }]);
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const [askingReject, setAskingReject] = useState(false);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmRegistrationApplicationDocument);
  const [{ fetching: correcting }, requestCorrection] = useMutation(RequestRegistrationCorrectionDocument);
  const [{ fetching: rejecting }, reject] = useMutation(RejectRegistrationApplicationDocument);
  const busy = confirming || correcting || rejecting;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!application) return <Page title={t('common.notFoundTitle')} intro={t('errors.NOT_FOUND')} />;

  const itemKeys = items.flatMap((_, i) => [`items.${i}`, `items.${i}.field`, `items.${i}.message`]);
  const fields = ['note', 'reasons', 'items', 'id', ...itemKeys];
  const handle = (
    payload: { userErrors: readonly UserErrorFieldsFragment[]; application?: unknown } | undefined,
    message: string,
  ) => {
    if (!payload) return;
    if (payload.userErrors.length) {
      setErrors(groupUserErrors(payload.userErrors, fields));
      setDone(null);
      return;
    }
    setErrors(NO_ERRORS);
    setDone(message);
  };

  const onConfirm = async () => {
    const result = await confirm({ input: { id: application.id, note: note.trim() || null } });
    handle(result.data?.confirmRegistrationApplication, t('desk.confirmedDone'));
  };
  const onRequestCorrection = async () => {
    const listed = items.filter((item) => item.field || item.message.trim());
    if (listed.length === 0) {
      setErrors({ byField: { items: [t('deskCards.correctionEmpty')] }, general: [] });
      setDone(null);
      return;
    }
    const result = await requestCorrection({
      input: {
        id: application.id,
        items: listed.map((item) => ({ field: item.field.split('.'), message: item.message.trim() })),
      },
    });
    handle(result.data?.requestRegistrationCorrection, t('desk.correctionDone'));
  };
  const onReject = async () => {
    const result = await reject({
      input: {
        id: application.id,
        reasons: reasons
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      },
    });
    handle(result.data?.rejectRegistrationApplication, t('desk.rejectedDone'));
  };

  const decidable = application.status === 'SUBMITTED';
  return (
    <Page title={t('registration.applicationTitle', { number: application.number })}>
      <p>
        <Link to="/desk">{t('desk.backToQueue')}</Link>
      </p>
      <p className="status-line">
        <StatusBadge enumName="RegistrationStatus" value={application.status} />
        {application.overdue ? <span className="badge badge--danger">{t('desk.overdue')}</span> : null}
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <dl className="facts">
        <dt>{t('desk.applicant')}</dt>
        <dd>
          {application.applicant.displayName}
          {application.applicant.email ? ` · ${application.applicant.email}` : ''}
        </dd>
        <dt>{t('registration.kind')}</dt>
        <dd>{enumLabel(t, 'RegistrationKind', application.kind)}</dd>
        <dt>{t('registration.submittedAt')}</dt>
        <dd>{application.submittedAt ? formatDateTime(application.submittedAt, language) : '—'}</dd>
        <dt>{t('registration.decideBy')}</dt>
        <dd>{application.decideBy ? formatDate(application.decideBy, language) : '—'}</dd>
        <dt>{t('desk.reviewReasons')}</dt>
        <dd>
          {application.reviewReasons.map((reason) => enumLabel(t, 'RegistrationReviewReason', reason)).join('、') ||
            t('desk.sameDay')}
        </dd>
        {application.commitment ? (
          <>
            <dt>{t('desk.commitment')}</dt>
            <dd>
              {application.commitment.signatoryName} · {formatDateTime(application.commitment.committedAt, language)}
            </dd>
          </>
        ) : null}
      </dl>
      {application.correctionNotice ? <CorrectionNoticeView notice={application.correctionNotice} /> : null}
      <ApplicationChangeDetails application={application} />
      {application.kind === 'DEREGISTRATION' ? (
        <ClearanceProgress applicationId={application.id} canAnswer={false} />
      ) : null}
      <section className="section" aria-labelledby="declared-title">
        <h2 id="declared-title">{t('registration.declaredTitle')}</h2>
        <DeclarationView declaration={application.declaration} />
      </section>

      {decidable ? (
        <section className="section" aria-labelledby="decide-title">
          <h2 id="decide-title">{t('desk.decideTitle')}</h2>
          <FormErrors messages={[...errors.general, ...(errors.byField.id ?? [])]} />
          <div className="decision card">
            <h3>{t('desk.confirmTitle')}</h3>
            <TextAreaField
              label={t('desk.confirmNote')}
              name="note"
              rows={2}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              errors={errors.byField.note}
            />
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void onConfirm()}>
              {t('desk.confirm')}
            </button>
          </div>
          <div className="decision card">
            <h3>{t('desk.correctionTitle')}</h3>
            <p>{t('desk.correctionIntro')}</p>
            {errors.byField.items ? <FormErrors messages={errors.byField.items} /> : null}
            {items.map((item, index) => (
              <fieldset key={index} className="form__subsection">
                <legend>{t('desk.correctionItem', { number: index + 1 })}</legend>
                <SelectField
                  label={t('desk.correctionField')}
                  name={`item-${index}-field`}
                  value={item.field}
                  placeholder={t('common.choose')}
                  options={[
                    ...CORRECTABLE.map((key) => ({
                      value: key,
                      label: t(`registration.items.${key === 'nameReservationId' ? 'name' : key.split('.')[1]}`),
                    })),
                    // A change also declares the day it was decided (its 30-day filing period runs from it).
                    ...(application.kind === 'CHANGE'
                      ? [{ value: 'changeDecidedOn', label: t('registrationChange.decidedOn') }]
                      : []),
                  ]}
                  onChange={(event) =>
                    setItems(items.map((it, i) => (i === index ? { ...it, field: event.target.value } : it)))
                  }
                  errors={[
                    ...(errors.byField[`items.${index}`] ?? []),
                    ...(errors.byField[`items.${index}.field`] ?? []),
                  ]}
                />
                <TextAreaField
                  label={t('desk.correctionMessage')}
                  name={`item-${index}-message`}
                  rows={2}
                  value={item.message}
                  onChange={(event) =>
                    setItems(items.map((it, i) => (i === index ? { ...it, message: event.target.value } : it)))
                  }
                  errors={errors.byField[`items.${index}.message`]}
                />
                {items.length > 1 ? (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setItems(items.filter((_, i) => i !== index))}
                  >
                    {t('desk.removeItem', { number: index + 1 })}
                  </button>
                ) : null}
              </fieldset>
            ))}
            <div className="form__actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setItems([...items, { field: '', message: '' }])}
              >
                {t('desk.addItem')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void onRequestCorrection()}
              >
                {t('desk.requestCorrection')}
              </button>
            </div>
          </div>
          <div className="decision card">
            <h3>{t('desk.rejectTitle')}</h3>
            <TextAreaField
              label={t('desk.rejectReasons')}
              hint={t('desk.rejectReasonsHint')}
              name="reasons"
              rows={3}
              value={reasons}
              onChange={(event) => setReasons(event.target.value)}
              errors={errors.byField.reasons}
            />
            <button
              ref={rejectButton}
              type="button"
              className="button button--danger-outline"
              disabled={busy}
              onClick={() => setAskingReject(true)}
            >
              {t('desk.reject')}
            </button>
            {askingReject ? (
              <ConfirmDialog
                title={t('deskCards.confirmRejectTitle')}
                body={t('deskCards.confirmRejectBody')}
                confirmLabel={t('deskCards.confirmReject')}
                busy={busy}
                onConfirm={() => {
                  setAskingReject(false);
                  void onReject();
                }}
                onClose={() => {
                  setAskingReject(false);
                  rejectButton.current?.focus();
                }}
              />
            ) : null}
          </div>
        </section>
      ) : null}
      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('registration.historyTitle')}</h2>
        <History history={application.history} />
      </section>
    </Page>
  );
}
