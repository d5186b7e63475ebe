import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useSubscription } from 'urql';
import { groupUserErrors } from '../../api/errors';
import { FormErrors, Notice } from '../../components/Feedback';
import { TextAreaField } from '../../components/Field';
import {
  AnswerDeregistrationClearanceDocument,
  ApplicationClearancesDocument,
  ApplicationClearancesUpdatedDocument,
  type ApplicationClearancesUpdatedSubscription,
  type ClearanceDepartment,
  type ClearanceEntryFieldsFragment,
} from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { usePreferences } from '../../preferences/PreferencesProvider';
import { ClearanceBadge } from './ClearanceBadge';

function AnswerForm({ applicationId, department }: { applicationId: string; department: ClearanceDepartment }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<{ general: string[]; answer: string[] }>({ general: [], answer: [] });
  const [{ fetching }, send] = useMutation(AnswerDeregistrationClearanceDocument);
  const departmentName = t(`clearances.department.${department}`);
  const submit = async () => {
    const result = await send({ input: { id: applicationId, department, answer } });
    const payload = result.data?.answerDeregistrationClearance;
    if (result.error) return setErrors({ general: [result.error.message], answer: [] });
    if (payload?.userErrors.length) {
      const grouped = groupUserErrors(payload.userErrors, ['answer']);
      return setErrors({ general: grouped.general, answer: grouped.byField.answer ?? [] });
    }
    setErrors({ general: [], answer: [] });
    setAnswer('');
  };
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormErrors messages={errors.general} />
      <TextAreaField
        label={t('clearances.answerLabel', { department: departmentName })}
        hint={t('clearances.answerHint')}
        name={`answer-${department}`}
        value={answer}
        errors={errors.answer}
        rows={3}
        required
        onChange={(event) => setAnswer(event.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('clearances.sendAnswer')}
        </button>
      </div>
    </form>
  );
}

function ClearanceRow({
  clearance,
  applicationId,
  canAnswer,
}: {
  clearance: ClearanceEntryFieldsFragment;
  applicationId: string;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <li className="card" data-testid="clearance" data-department={clearance.department}>
      <h3 className="card__title">
        {t(`clearances.department.${clearance.department}`)} <ClearanceBadge status={clearance.status} />
      </h3>
      <dl className="facts">
        {clearance.note ? (
          <>
            <dt>{clearance.status === 'BLOCKED' ? t('clearances.owed') : t('clearances.note')}</dt>
            <dd>{clearance.note}</dd>
          </>
        ) : null}
        {clearance.recordedAt ? (
          <>
            <dt>{t('clearances.recordedBy')}</dt>
            <dd>
              {clearance.recordedByName ?? '—'} ·{' '}
              <time dateTime={clearance.recordedAt}>{formatDateTime(clearance.recordedAt, language)}</time>
            </dd>
          </>
        ) : null}
        {clearance.answers.length ? (
          <>
            <dt>{t('clearances.answers')}</dt>
            <dd>
              <ul>
                {clearance.answers.map((answer) => (
                  <li key={answer.answeredAt}>{answer.text}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {canAnswer && clearance.status === 'BLOCKED' ? (
        <AnswerForm applicationId={applicationId} department={clearance.department} />
      ) : null}
    </li>
  );
}

/**
 * The four departments' clearances of a deregistration, updated live by `registrationApplicationUpdated`;
 * the applicant answers an outstanding obligation here.
 */
export function ClearanceProgress({ applicationId, canAnswer }: { applicationId: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [{ data }] = useQuery({ query: ApplicationClearancesDocument, variables: { id: applicationId } });
  const loaded = data?.registrationApplication ?? null;
  const onEvent = useCallback(
    (
      previous: ApplicationClearancesUpdatedSubscription | undefined,
      event: ApplicationClearancesUpdatedSubscription,
    ) => {
      const before = previous?.registrationApplicationUpdated.clearances ?? loaded?.clearances ?? [];
      for (const clearance of event.registrationApplicationUpdated.clearances) {
        const old = before.find((c) => c.department === clearance.department);
        if (old && old.status !== clearance.status)
          setAnnouncement(
            t('clearances.live', {
              department: t(`clearances.department.${clearance.department}`),
              status: t(`clearances.status.${clearance.status}`),
            }),
          );
      }
      return event;
    },
    [loaded, t],
  );
  const [{ data: live }] = useSubscription(
    { query: ApplicationClearancesUpdatedDocument, variables: { id: applicationId }, pause: !loaded },
    onEvent,
  );
  const application = live?.registrationApplicationUpdated ?? loaded;
  if (!application || application.kind !== 'DEREGISTRATION') return null;
  const open = application.status === 'SUBMITTED' || application.status === 'CORRECTION_REQUESTED';
  return (
    <section className="section" aria-labelledby="clearances-title" data-testid="clearance-progress">
      <h2 id="clearances-title">{t('clearances.progressTitle')}</h2>
      <p>{t('clearances.progressIntro')}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {application.clearances.length === 0 ? <Notice>{t('clearances.empty')}</Notice> : null}
      <ul className="cards">
        {application.clearances.map((clearance) => (
          <ClearanceRow
            key={clearance.department}
            clearance={clearance}
            applicationId={application.id}
            canAnswer={canAnswer && open}
          />
        ))}
      </ul>
    </section>
  );
}
