// The enterprise's page for a notice of intended revocation addressed to it (reached from the
// notification): the ground and the deadline, and its one answer (陈述申辩) while it may still give it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { TextAreaField } from '../components/Field';
import { Page } from '../components/Page';
import { AnswerRevocationNoticeDocument, RevocationNoticeDocument } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

type Grouped = { general: string[]; byField: Record<string, string[]> };
const NO_ERRORS: Grouped = { general: [], byField: {} };

export function RevocationNoticePage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RevocationNoticeDocument, variables: { id } });
  const [{ fetching: sending }, send] = useMutation(AnswerRevocationNoticeDocument);
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [sent, setSent] = useState(false);
  const notice = data?.node && 'status' in data.node ? data.node : null;

  if (fetching && !data) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!notice)
    return (
      <Page title={t('inspections.notice.title')}>
        <Notice kind="warning">{t('inspections.notice.notFound')}</Notice>
      </Page>
    );
  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const result = await send({ input: { id: notice.id, statement, evidence: evidence.trim() || null } });
    const payload = result.data?.answerRevocationNotice;
    if (result.error) return setErrors({ general: [result.error.message], byField: {} });
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors, ['statement', 'evidence']));
    setErrors(NO_ERRORS);
    setSent(true);
  };
  return (
    <Page title={t('inspections.notice.title')} intro={t('inspections.notice.intro')}>
      <dl className="facts">
        <dt>{t('inspections.notice.enterprise')}</dt>
        <dd>
          {notice.enterprise.name} · {notice.enterprise.uscc}
        </dd>
        <dt>{t('inspections.notice.outcome')}</dt>
        <dd>{t(`inspections.status.${notice.status}`)}</dd>
        <dt>{t('inspections.ground')}</dt>
        <dd>{notice.ground}</dd>
        {notice.noticeIssuedOn ? (
          <>
            <dt>{t('inspections.notice.issuedOn')}</dt>
            <dd>{formatDate(notice.noticeIssuedOn, language)}</dd>
          </>
        ) : null}
        {notice.answerBy ? (
          <>
            <dt>{t('inspections.answerBy')}</dt>
            <dd data-testid="answer-by">{formatDate(notice.answerBy, language)}</dd>
          </>
        ) : null}
        {notice.publicNoticeUntil ? (
          <>
            <dt>{t('inspections.publicUntil')}</dt>
            <dd>{formatDate(notice.publicNoticeUntil, language)}</dd>
          </>
        ) : null}
        {notice.revokedOn ? (
          <>
            <dt>{t('inspections.revoke')}</dt>
            <dd>
              {formatDate(notice.revokedOn, language)} · {notice.revocationReason}
            </dd>
          </>
        ) : null}
        {notice.closedReason ? (
          <>
            <dt>{t('inspections.close')}</dt>
            <dd>{notice.closedReason}</dd>
          </>
        ) : null}
      </dl>
      {sent ? <Notice kind="success">{t('inspections.notice.submitted')}</Notice> : null}
      {notice.answer ? (
        <section className="section" aria-labelledby="your-answer">
          <h2 id="your-answer">{t('inspections.notice.yourAnswer')}</h2>
          <p style={{ whiteSpace: 'pre-line' }} data-testid="your-answer">
            {notice.answer.statement}
          </p>
          {notice.answer.evidence ? (
            <p style={{ whiteSpace: 'pre-line' }}>
              {t('inspections.answerEvidence')}: {notice.answer.evidence}
            </p>
          ) : null}
          <p>
            {t('inspections.answeredAt', {
              name: notice.answer.answeredByName ?? '—',
              at: formatDateTime(notice.answer.answeredAt, language),
            })}
          </p>
        </section>
      ) : notice.answerable ? (
        <form className="form" aria-labelledby="answer-title" onSubmit={(event) => void submit(event)} noValidate>
          <h2 id="answer-title">{t('inspections.notice.statement')}</h2>
          <FormErrors messages={errors.general} />
          <TextAreaField
            label={t('inspections.notice.statement')}
            hint={t('inspections.notice.statementHint')}
            name="statement"
            rows={6}
            required
            value={statement}
            errors={errors.byField.statement}
            onChange={(e) => setStatement(e.target.value)}
          />
          <TextAreaField
            label={t('inspections.notice.evidence')}
            hint={t('inspections.notice.evidenceHint')}
            name="evidence"
            rows={4}
            value={evidence}
            errors={errors.byField.evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={sending}>
              {t('inspections.notice.submit')}
            </button>
          </div>
        </form>
      ) : notice.status === 'NOTICE_ISSUED' || notice.status === 'PUBLIC_NOTICE' ? (
        <Notice kind="warning">{t('inspections.notice.closedForAnswer')}</Notice>
      ) : null}
    </Page>
  );
}
