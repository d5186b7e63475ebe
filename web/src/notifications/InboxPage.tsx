import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import {
  InboxNotificationsDocument,
  MarkNotificationsReadDocument,
  type NotificationFieldsFragment,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { subjectPath } from './subjectLink';
import type { CombinedError } from '@urql/core';

const PAGE = 20;

/**
 * Every notification of the signed-in user, newest first: a page at a time ("load more" continues
 * after the last cursor, so nothing is skipped or repeated when new ones arrive), each marked read
 * one by one or all shown at once.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const client = useClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<NotificationFieldsFragment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [, markRead] = useMutation(MarkNotificationsReadDocument);

  const load = useCallback(
    async (after: string | null, replace: boolean) => {
      setLoading(true);
      const result = await client
        .query(InboxNotificationsDocument, { first: PAGE, after, unreadOnly }, { requestPolicy: 'network-only' })
        .toPromise();
      setLoading(false);
      if (result.error) {
        setError(result.error);
        return;
      }
      setError(null);
      const connection = result.data?.notifications;
      if (!connection) return;
      const page = connection.edges.map((edge) => edge.node);
      setItems((current) => (replace ? page : [...current, ...page]));
      setCursor(connection.pageInfo.endCursor ?? null);
      setHasMore(connection.pageInfo.hasNextPage);
      setTotal(connection.totalCount);
      setUnread(result.data?.unread.totalCount ?? 0);
    },
    [client, unreadOnly],
  );

  useEffect(() => {
    void load(null, true);
  }, [load]);

  const mark = async (ids: string[]) => {
    if (!ids.length) return;
    const result = await markRead({ input: { ids } });
    const changed = new Map(
      (result.data?.markNotificationsRead.notifications ?? []).map((n) => [n.id, n.readAt] as const),
    );
    setItems((current) =>
      current.map((n) => (changed.has(n.id) ? { ...n, readAt: changed.get(n.id) ?? n.readAt } : n)),
    );
    setUnread((count) => Math.max(0, count - changed.size));
  };
  const unreadShown = items.filter((n) => !n.readAt).map((n) => n.id);

  return (
    <Page title={t('inbox.title')} intro={t('inbox.intro')}>
      <div className="inbox__bar">
        {total !== null ? <p data-testid="inbox-count">{t('inbox.count', { total, unread })}</p> : null}
        <label className="field--checkbox inbox__filter">
          <input
            type="checkbox"
            className="field__checkbox"
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
          />{' '}
          {t('inbox.unreadOnly')}
        </label>
        {unreadShown.length ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void mark(unreadShown.slice(0, 100))}
          >
            {t('inbox.markAllRead')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void load(null, true)} /> : null}
      {!loading && total === 0 ? <p className="empty">{t('inbox.empty')}</p> : null}
      <ul className="inbox__list" data-testid="inbox-list">
        {items.map((notification) => {
          const path = subjectPath(notification.subject);
          return (
            <li
              key={notification.id}
              className={`card inbox__item${notification.readAt ? '' : ' inbox__item--unread'}`}
              data-testid="inbox-item"
              data-read={notification.readAt ? 'true' : 'false'}
            >
              <h2 className="inbox__title">
                {notification.readAt ? null : <span className="badge badge--unread">{t('bell.unread')}</span>}{' '}
                {path ? (
                  <Link to={path} onClick={() => (notification.readAt ? undefined : void mark([notification.id]))}>
                    {notification.title}
                  </Link>
                ) : (
                  notification.title
                )}
              </h2>
              <p>{notification.body}</p>
              <p className="inbox__meta">
                {t(`enums.NotificationKind.${notification.kind}`)} ·{' '}
                <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, language)}</time>
                {notification.readAt ? null : (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => void mark([notification.id])}
                    >
                      {t('inbox.markRead')}
                      <span className="visually-hidden">: {notification.title}</span>
                    </button>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {loading ? <Loading label={t('inbox.loadingMore')} /> : null}
      {hasMore && !loading ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void load(cursor, false)}>
            {t('inbox.loadMore')}
          </button>
        </p>
      ) : null}
      {!hasMore && items.length > 0 && !loading ? <p className="empty">{t('inbox.end')}</p> : null}
    </Page>
  );
}
