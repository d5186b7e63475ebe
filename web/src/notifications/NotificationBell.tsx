import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { MarkNotificationsReadDocument, NotificationReceivedDocument, NotificationsDocument } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { subjectPath } from './subjectLink';

const SHOWN = 10;

/**
 * The bell in the header: the unread count, the latest notifications in a panel, and each new one
 * as it arrives over the `notificationReceived` subscription (announced to screen readers too).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);

  const [{ data, error }, refetch] = useQuery({ query: NotificationsDocument, variables: { first: SHOWN } });
  const [, markRead] = useMutation(MarkNotificationsReadDocument);

  const onNotification = useCallback(
    (_previous: unknown, event: { notificationReceived: { title: string } }) => {
      setAnnouncement(t('bell.arrived', { title: event.notificationReceived.title }));
      refetch({ requestPolicy: 'network-only' });
      return event;
    },
    [refetch, t],
  );
  useSubscription({ query: NotificationReceivedDocument }, onNotification);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close]);

  const unread = data?.unread.totalCount ?? 0;
  const notifications = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const unreadIds = notifications.filter((n) => !n.readAt).map((n) => n.id);

  const markAllRead = async () => {
    if (unreadIds.length === 0) return;
    await markRead({ input: { ids: unreadIds } });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="bell" ref={container}>
      <button
        ref={button}
        type="button"
        className="button button--quiet bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? t('bell.buttonWithUnread', { count: unread }) : t('bell.button')}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread ? (
          <span className="bell__count" data-testid="unread-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <section id={panelId} className="bell__panel" hidden={!open} aria-label={t('bell.title')}>
        <div className="bell__panel-head">
          <h2 className="bell__title">{t('bell.title')}</h2>
          {unreadIds.length ? (
            <button type="button" className="button button--secondary button--small" onClick={markAllRead}>
              {t('bell.markAllRead')}
            </button>
          ) : null}
        </div>
        {error && !data ? <p className="notice notice--error">{t('bell.loadFailed')}</p> : null}
        {data && notifications.length === 0 ? <p className="empty">{t('bell.empty')}</p> : null}
        <ul className="bell__list">
          {notifications.map((notification) => {
            const path = subjectPath(notification.subject);
            const onOpen = () => {
              if (!notification.readAt) void markRead({ input: { ids: [notification.id] } });
              close(false);
            };
            return (
              <li key={notification.id} className={`bell__item${notification.readAt ? '' : ' bell__item--unread'}`}>
                <p className="bell__item-title">
                  {notification.readAt ? null : <span className="badge badge--unread">{t('bell.unread')}</span>}
                  {path ? (
                    <Link to={path} onClick={onOpen}>
                      {notification.title}
                    </Link>
                  ) : (
                    notification.title
                  )}
                </p>
                <p className="bell__item-body">{notification.body}</p>
                <p className="bell__item-meta">
                  {t(`enums.NotificationKind.${notification.kind}`)} ·{' '}
                  <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, language)}</time>
                </p>
              </li>
            );
          })}
        </ul>
        <p className="bell__see-all">
          <Link to="/inbox" onClick={() => close(false)}>
            {t('inbox.seeAll')}
            {unread ? ` (${t('bell.buttonWithUnread', { count: unread })})` : ''}
          </Link>
        </p>
      </section>
    </div>
  );
}
