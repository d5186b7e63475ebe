import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import {
  ServiceCaseUpdatedDocument,
  type ServiceCaseFieldsFragment,
  type ServiceCaseUpdatedSubscription,
} from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useSession } from '../session/SessionProvider';

export const BASE = '/investor-services';

export function statusLabel(t: (key: string) => string, status: string): string {
  return t(`investorServices.statuses.${status}`);
}

export function CaseStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge" data-status={status}>
      {statusLabel(t, status)}
    </span>
  );
}

/** A deadline with its overdue mark. */
export function Deadline({ day, overdue }: { day: string | null | undefined; overdue?: boolean }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  if (!day) return <>—</>;
  return (
    <>
      <time dateTime={day}>{formatDate(day, language)}</time>{' '}
      {overdue ? (
        <span className="badge badge--danger" data-testid="overdue">
          {t('investorServices.overdue')}
        </span>
      ) : null}
    </>
  );
}

/** The case, replaced by each live update the server pushes; `announcement` tells screen readers. */
export function useLiveCase(loaded: ServiceCaseFieldsFragment | null | undefined) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const onEvent = useCallback(
    (previous: ServiceCaseUpdatedSubscription | undefined, event: ServiceCaseUpdatedSubscription) => {
      const before = previous?.serviceCaseUpdated.status ?? loaded?.status;
      const next = event.serviceCaseUpdated;
      if (next.status !== before)
        setAnnouncement(t('investorServices.liveUpdated', { status: statusLabel(t, next.status) }));
      return event;
    },
    [loaded?.status, t],
  );
  const [{ data }] = useSubscription(
    { query: ServiceCaseUpdatedDocument, variables: { id: loaded?.id ?? '' }, pause: !loaded?.id },
    onEvent,
  );
  const live = data?.serviceCaseUpdated;
  return { serviceCase: live && live.id === loaded?.id ? live : (loaded ?? null), announcement };
}

export function Messages({ serviceCase, official }: { serviceCase: ServiceCaseFieldsFragment; official: boolean }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const messages = serviceCase.messages.edges.map((e) => e.node);
  if (messages.length === 0) return <p>{t('investorServices.noMessages')}</p>;
  return (
    <ol className="stack" data-testid="case-messages">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`card${m.internal ? ' card--muted' : ''}`}
          data-testid={m.internal ? 'internal-note' : 'case-message'}
        >
          <p className="card__meta">
            <strong>
              {m.authorRole === 'OFFICIAL'
                ? t('investorServices.fromOffice')
                : official
                  ? t('investorServices.fromInvestor')
                  : t('investorServices.fromYou')}
            </strong>{' '}
            · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
            {m.internal ? <span className="badge badge--warning"> {t('investorServices.internalNote')}</span> : null}
            {m.confidential ? <span className="badge"> {t('investorServices.confidential')}</span> : null}
          </p>
          <p className="prewrap">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** Downloads an attachment with the session's credential (a plain link would carry none). */
export function AttachmentList({ serviceCase }: { serviceCase: ServiceCaseFieldsFragment }) {
  const { token } = useSession();
  if (serviceCase.attachments.length === 0) return null;
  const open = async (url: string, name: string) => {
    const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!response.ok) return;
    const blob = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = blob;
    link.download = name;
    link.click();
    URL.revokeObjectURL(blob);
  };
  return (
    <ul data-testid="case-attachments">
      {serviceCase.attachments.map((a) => (
        <li key={a.id}>
          <button type="button" className="button button--quiet" onClick={() => void open(a.url, a.name)}>
            {a.name}
          </button>{' '}
          ({Math.ceil(a.size / 1024)} KB)
        </li>
      ))}
    </ul>
  );
}

/** The facts of a case both sides read. */
export function CaseFacts({ serviceCase }: { serviceCase: ServiceCaseFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const c = serviceCase;
  return (
    <dl className="facts" data-testid="case-facts">
      <dt>{t('investorServices.number')}</dt>
      <dd>{c.number}</dd>
      <dt>{t('investorServices.kind')}</dt>
      <dd>{t(`investorServices.kinds.${c.kind}`)}</dd>
      <dt>{t('investorServices.category')}</dt>
      <dd>{c.categoryLabel}</dd>
      <dt>{t('investorServices.status')}</dt>
      <dd>
        <CaseStatus status={c.status} />
      </dd>
      <dt>{t('investorServices.submittedAt')}</dt>
      <dd>{formatDateTime(c.submittedAt, language)}</dd>
      {c.kind === 'COMPLAINT' ? (
        <>
          <dt>{t('investorServices.acceptBy')}</dt>
          <dd>
            <Deadline day={c.acceptBy} overdue={c.overdue && c.status === 'SUBMITTED'} />
          </dd>
        </>
      ) : null}
      <dt>{t('investorServices.resolveBy')}</dt>
      <dd>
        <Deadline day={c.extendedResolveBy ?? c.resolveBy} overdue={c.overdue && c.status !== 'SUBMITTED'} />
        {c.extendedResolveBy ? (
          <span>
            {' '}
            ({t('investorServices.extendedTo', { date: c.extendedResolveBy })}: {c.extensionReason})
          </span>
        ) : null}
      </dd>
      <dt>{t('investorServices.language')}</dt>
      <dd>{t(`investorServices.languages.${c.language}`)}</dd>
      {c.respondent ? (
        <>
          <dt>{t('investorServices.respondent')}</dt>
          <dd>{c.respondent}</dd>
          <dt>{t('investorServices.administrativeAct')}</dt>
          <dd>{c.administrativeAct}</dd>
          <dt>{t('investorServices.request')}</dt>
          <dd>{c.request}</dd>
        </>
      ) : null}
      <dt>{t('investorServices.body')}</dt>
      <dd className="prewrap">{c.body}</dd>
      {c.confidentialDetails ? (
        <>
          <dt>{t('investorServices.confidentialDetails')}</dt>
          <dd className="prewrap">{c.confidentialDetails}</dd>
        </>
      ) : null}
    </dl>
  );
}
