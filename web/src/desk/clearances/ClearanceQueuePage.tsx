import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../../components/Feedback';
import { TextAreaField } from '../../components/Field';
import { Page } from '../../components/Page';
import {
  DeregistrationClearanceQueueDocument,
  DeskRecordDeregistrationClearanceDocument,
  type ClearanceOutcome,
  type ClearanceStatus,
  type DeregistrationClearanceQueueQuery,
} from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { usePreferences } from '../../preferences/PreferencesProvider';
import { useViewer } from '../../session/useViewer';
import { ClearanceBadge } from './ClearanceBadge';

export const CLEARANCE_DEPARTMENTS = ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const;
const FILTERS: ClearanceStatus[] = ['PENDING', 'BLOCKED', 'CLEARED'];

type Task = DeregistrationClearanceQueueQuery['deregistrationClearanceQueue']['edges'][number]['node'];

function TaskCard({ task, onRecorded }: { task: Task; onRecorded: (message: string) => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ general: string[]; note: string[] }>({ general: [], note: [] });
  const [{ fetching }, record] = useMutation(DeskRecordDeregistrationClearanceDocument);
  const application = task.application;
  const name = application.enterprise?.name ?? application.declaration.name ?? '—';
  const decide = async (outcome: ClearanceOutcome) => {
    const result = await record({ input: { id: application.id, outcome, note: note.trim() || null } });
    const payload = result.data?.recordDeregistrationClearance;
    if (result.error) {
      setErrors({ general: [result.error.message], note: [] });
      return;
    }
    if (payload?.userErrors.length) {
      const grouped = groupUserErrors(payload.userErrors, ['note']);
      setErrors({ general: grouped.general, note: grouped.byField.note ?? [] });
      return;
    }
    setErrors({ general: [], note: [] });
    setNote('');
    onRecorded(t(outcome === 'CLEARED' ? 'clearances.cleared' : 'clearances.blocked'));
  };
  const headingId = `task-${task.id}`;
  return (
    <li className="card" data-testid="clearance-task" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId}>
        {name} <ClearanceBadge status={task.status} />
      </h3>
      <dl className="facts">
        <dt>{t('registration.number')}</dt>
        <dd>{application.number}</dd>
        {application.enterprise?.uscc ? (
          <>
            <dt>{t('clearances.uscc')}</dt>
            <dd>{application.enterprise.uscc}</dd>
          </>
        ) : null}
        <dt>{t('clearances.reason')}</dt>
        <dd>
          {application.deregistration?.reason ?? '—'} ·{' '}
          {t(application.deregistration?.simplified ? 'clearances.simplified' : 'clearances.ordinary')}
        </dd>
        <dt>{t('desk.applicant')}</dt>
        <dd>{application.applicant.displayName}</dd>
        <dt>{t('clearances.submittedAt')}</dt>
        <dd>{application.submittedAt ? formatDateTime(application.submittedAt, language) : '—'}</dd>
        {task.note ? (
          <>
            <dt>{t('clearances.owed')}</dt>
            <dd>{task.note}</dd>
          </>
        ) : null}
      </dl>
      {task.answers.length ? (
        <div data-testid="clearance-answers">
          <h4>{t('clearances.answers')}</h4>
          <ul>
            {task.answers.map((answer) => (
              <li key={answer.answeredAt}>
                <time dateTime={answer.answeredAt}>{formatDateTime(answer.answeredAt, language)}</time>{' '}
                {answer.answeredByName ? `${answer.answeredByName}：` : null}
                {answer.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {task.status !== 'CLEARED' ? (
        <div className="form">
          <FormErrors messages={errors.general} />
          <TextAreaField
            label={t('clearances.note')}
            hint={t('clearances.noteHint')}
            name={`note-${task.id}`}
            value={note}
            errors={errors.note}
            rows={3}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={fetching}
              onClick={() => void decide('CLEARED')}
            >
              {t('clearances.clear')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={fetching}
              onClick={() => void decide('BLOCKED')}
            >
              {t('clearances.block')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** The clearance desk of TAX, SOCIAL_INSURANCE, MEDICAL_INSURANCE and HOUSING_FUND officials: their department's queue only. */
export function ClearanceQueuePage() {
  const { t } = useTranslation();
  const { user } = useViewer();
  const department = user?.department ?? null;
  const isClearanceOfficial = (CLEARANCE_DEPARTMENTS as readonly string[]).includes(department ?? '');
  const [status, setStatus] = useState<ClearanceStatus>('PENDING');
  const [done, setDone] = useState('');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DeregistrationClearanceQueueDocument,
    variables: { first: 50, filter: { status } },
    requestPolicy: 'cache-and-network',
    pause: !isClearanceOfficial,
  });
  if (!isClearanceOfficial) {
    return (
      <Page title={t('clearances.title')}>
        <Notice>{t('clearances.notClearanceOfficial')}</Notice>
      </Page>
    );
  }
  const rows = data?.deregistrationClearanceQueue.edges.map((edge) => edge.node) ?? [];
  const title = t('clearances.departmentTitle', { department: t(`clearances.department.${department}`) });
  return (
    <Page title={title} intro={t('clearances.intro')}>
      <div className="tabs" role="group" aria-label={t('clearances.tabs')}>
        {FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            className={`button ${value === status ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={value === status}
            onClick={() => {
              setStatus(value);
              setDone('');
            }}
          >
            {t(`clearances.filter.${value}`)}
            {value === status && data ? ` (${data.deregistrationClearanceQueue.totalCount})` : null}
          </button>
        ))}
      </div>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('clearances.empty')}</EmptyState> : null}
      {rows.length ? (
        <ul className="cards" data-testid="clearance-queue">
          {rows.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              onRecorded={(message) => {
                setDone(message);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
