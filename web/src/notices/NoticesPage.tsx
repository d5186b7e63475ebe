import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { usePagedConnection, type PagedList } from '../components/usePagedConnection';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import {
  ObjectToSimplifiedDeregistrationDocument,
  PublicDeregistrationNoticesDocument,
  PublicRevocationsDocument,
  type PublicDeregistrationNoticeFieldsFragment,
} from '../gql/graphql';
import { AbnormalOperationsList } from '../hosting/AbnormalListPage';
import { formatDate } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

const TABS = ['deregistrations', 'revocations', 'abnormal'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = {
  deregistrations: 'notices.tabDeregistrations',
  revocations: 'notices.tabRevocations',
  abnormal: 'notices.tabAbnormal',
};

/**
 * Public: the registry's gazette (公示公告): simplified-deregistration notices with their objection
 * period and a form for a creditor's objection, revocations, and the abnormal-operations list. The
 * kind shown is in the URL (`/notices?tab=revocations`), so each can be linked to.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'deregistrations';

  return (
    <Page title={t('notices.title')} intro={t('notices.intro')}>
      <div className="tabs" role="group" aria-label={t('notices.tabs')}>
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            className={`button ${value === tab ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={value === tab}
            onClick={() => setParams(value === 'deregistrations' ? {} : { tab: value })}
          >
            {t(TAB_LABELS[value])}
          </button>
        ))}
      </div>
      <section className="section" aria-labelledby="notices-part">
        <h2 id="notices-part">{t(TAB_LABELS[tab])}</h2>
        {tab === 'deregistrations' ? <DeregistrationNotices /> : null}
        {tab === 'revocations' ? <Revocations /> : null}
        {tab === 'abnormal' ? (
          <>
            <p>{t('notices.abnormalIntro')}</p>
            <p>
              <Link to="/hosting/abnormal">{t('notices.abnormalPage')}</Link>
            </p>
            <AbnormalOperationsList headingLevel={3} />
          </>
        ) : null}
      </section>
    </Page>
  );
}

/** The count, the error, the empty state, the "load more" button and the end, around a list's cards. */
function PagedCards<Node>({ list, testId, children }: { list: PagedList<Node>; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {list.total !== null ? <p data-testid={`${testId}-count`}>{t('notices.count', { count: list.total })}</p> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.total === 0 ? <EmptyState>{t('notices.empty')}</EmptyState> : null}
      <ul className="cards" data-testid={testId}>
        {children}
      </ul>
      {list.loading ? <Loading /> : null}
      {list.hasMore && !list.loading ? (
        <p>
          <button type="button" className="button button--secondary" onClick={list.loadMore}>
            {t('notices.loadMore')}
          </button>
        </p>
      ) : null}
      {!list.hasMore && !list.loading && list.items.length > 0 ? <p className="empty">{t('notices.end')}</p> : null}
    </>
  );
}

function DeregistrationNotices() {
  const { t } = useTranslation();
  const list = usePagedConnection(
    PublicDeregistrationNoticesDocument,
    {},
    (data) => data.simplifiedDeregistrationNotices,
    (notice) => notice.id,
  );
  return (
    <>
      <p>{t('notices.deregistrationsIntro')}</p>
      <PagedCards list={list} testId="deregistration-notices">
        {list.items.map((notice) => (
          <DeregistrationNoticeCard key={notice.id} notice={notice} onChanged={list.replace} />
        ))}
      </PagedCards>
    </>
  );
}

function DeregistrationNoticeCard({
  notice,
  onChanged,
}: {
  notice: PublicDeregistrationNoticeFieldsFragment;
  onChanged: (notice: PublicDeregistrationNoticeFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [objecting, setObjecting] = useState(false);
  const [filed, setFiled] = useState(false);
  return (
    <li className="card" data-testid="deregistration-notice">
      <h3 className="card__title">{notice.enterprise.name}</h3>
      <dl className="facts">
        <dt>{t('notices.uscc')}</dt>
        <dd>{notice.enterprise.uscc ?? '—'}</dd>
        <dt>{t('notices.district')}</dt>
        <dd>{enumLabel(t, 'District', notice.district)}</dd>
        <dt>{t('notices.noticePeriod')}</dt>
        <dd>
          {t('notices.periodRange', {
            from: formatDate(notice.startsOn, language),
            until: formatDate(notice.endsOn, language),
          })}
        </dd>
        <dt>{t('notices.signatory')}</dt>
        <dd>{notice.commitment.signatoryName}</dd>
        <dt>{t('notices.noticeStatus')}</dt>
        <dd data-testid="notice-status">{t(`notices.status.${notice.status}`)}</dd>
      </dl>
      {filed ? (
        <Notice kind="success">
          <p>{t('notices.objectionFiled')}</p>
        </Notice>
      ) : null}
      {notice.objectionPeriodOpen ? (
        <>
          <p>{t('notices.objectionOpenUntil', { date: formatDate(notice.endsOn, language) })}</p>
          {objecting ? (
            <ObjectionForm
              notice={notice}
              onCancel={() => setObjecting(false)}
              onFiled={(changed) => {
                setObjecting(false);
                setFiled(true);
                onChanged(changed);
              }}
            />
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setObjecting(true)}>
              {t('notices.object')}
              <span className="visually-hidden">: {notice.enterprise.name}</span>
            </button>
          )}
        </>
      ) : null}
    </li>
  );
}

const OBJECTION_FIELDS = ['objectorName', 'contact', 'reason'];

function ObjectionForm({
  notice,
  onCancel,
  onFiled,
}: {
  notice: PublicDeregistrationNoticeFieldsFragment;
  onCancel: () => void;
  onFiled: (notice: PublicDeregistrationNoticeFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ objectorName: '', contact: '', reason: '' });
  const [errors, setErrors] = useState<GroupedUserErrors>({ byField: {}, general: [] });
  const [{ fetching, error }, object] = useMutation(ObjectToSimplifiedDeregistrationDocument);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await object({ input: { noticeId: notice.id, ...form } });
    const payload = result.data?.objectToSimplifiedDeregistration;
    if (!payload) return;
    if (payload.userErrors.length) {
      setErrors(groupUserErrors(payload.userErrors, OBJECTION_FIELDS));
      return;
    }
    if (payload.notice) onFiled(payload.notice);
  };

  const formId = `objection-${notice.id}`;
  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${formId}-title`} noValidate>
      <h4 id={`${formId}-title`} ref={heading} tabIndex={-1}>
        {t('notices.objectFor', { name: notice.enterprise.name })}
      </h4>
      <p className="field__hint">{t('notices.objectionHint')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <FormErrors messages={errors.general} />
      <TextField
        label={t('notices.objectorName')}
        name="objectorName"
        required
        maxLength={100}
        autoComplete="organization"
        value={form.objectorName}
        onChange={set('objectorName')}
        errors={errors.byField.objectorName}
      />
      <TextField
        label={t('notices.contact')}
        name="contact"
        required
        maxLength={200}
        value={form.contact}
        onChange={set('contact')}
        errors={errors.byField.contact}
      />
      <TextAreaField
        label={t('notices.reason')}
        name="reason"
        required
        maxLength={2000}
        rows={4}
        value={form.reason}
        onChange={set('reason')}
        errors={errors.byField.reason}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('notices.submitObjection')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('notices.cancel')}
        </button>
      </div>
    </form>
  );
}

function Revocations() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const list = usePagedConnection(
    PublicRevocationsDocument,
    {},
    (data) => data.enterpriseRevocations,
    (proceeding) => proceeding.id,
  );
  return (
    <>
      <p>{t('notices.revocationsIntro')}</p>
      <PagedCards list={list} testId="revocations">
        {list.items.map((proceeding) => (
          <li key={proceeding.id} className="card" data-testid="revocation">
            <h3 className="card__title">{proceeding.enterprise.name}</h3>
            <dl className="facts">
              <dt>{t('notices.uscc')}</dt>
              <dd>{proceeding.enterprise.uscc ?? '—'}</dd>
              <dt>{t('notices.noticeStatus')}</dt>
              <dd data-testid="revocation-status">
                {t(`notices.revocationStatus.${proceeding.status}`, { defaultValue: proceeding.status })}
              </dd>
              {proceeding.revokedOn ? (
                <>
                  <dt>{t('notices.revokedOn')}</dt>
                  <dd>{formatDate(proceeding.revokedOn, language)}</dd>
                </>
              ) : null}
              {proceeding.revocationReason ? (
                <>
                  <dt>{t('notices.revocationReason')}</dt>
                  <dd>{proceeding.revocationReason}</dd>
                </>
              ) : null}
              {proceeding.publicNoticeFrom && proceeding.publicNoticeUntil ? (
                <>
                  <dt>{t('notices.noticePeriod')}</dt>
                  <dd>
                    {t('notices.periodRange', {
                      from: formatDate(proceeding.publicNoticeFrom, language),
                      until: formatDate(proceeding.publicNoticeUntil, language),
                    })}
                  </dd>
                </>
              ) : null}
              {proceeding.publicNoticeReason ? (
                <>
                  <dt>{t('notices.publicNoticeReason')}</dt>
                  <dd>{proceeding.publicNoticeReason}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </PagedCards>
    </>
  );
}
