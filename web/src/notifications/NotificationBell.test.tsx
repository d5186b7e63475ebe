// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSubject } from 'wonka';
import { mockClient, renderWithApp } from '../testing/render';
import { NotificationBell } from './NotificationBell';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const notification = (id: string, title: string, readAt: string | null = null) => ({
  __typename: 'Notification',
  id,
  kind: 'REGISTRATION_CORRECTION_REQUESTED',
  title,
  body: `${title}: details`,
  createdAt: '2026-11-26T01:00:00Z',
  readAt,
  subject: null,
});

describe('the notification bell', () => {
  it('shows the unread count, and a new notification as it arrives, announced politely', async () => {
    let inbox = [notification('n1', 'Old news', '2026-11-26T02:00:00Z')];
    const live = makeSubject<unknown>();
    const { client, calls } = mockClient({
      query: () => ({
        notifications: { totalCount: inbox.length, edges: inbox.map((node) => ({ node })) },
        unread: { totalCount: inbox.filter((n) => !n.readAt).length },
      }),
      subscription: () => live.source as never,
    });
    renderWithApp(<NotificationBell />, { client, token: 'qes_s_x' });
    const bell = await screen.findByRole('button', { name: 'Notifications' });

    inbox = [notification('n2', 'Please correct your application'), ...inbox];
    act(() => live.next({ data: { notificationReceived: inbox[0] }, stale: false, hasNext: true }));

    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(screen.getByRole('status').textContent).toBe('New notification: Please correct your application');
    expect(calls.filter((call) => call.name === 'Notifications').length).toBeGreaterThan(1);

    await userEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('region', { name: 'Notifications' }).textContent).toContain(
      'Please correct your application',
    );
  });

  it('marks the unread ones read, and closes on Escape with focus back on the bell', async () => {
    const inbox = [
      notification('n1', 'First'),
      notification('n2', 'Second', '2026-11-26T02:00:00Z'),
      notification('n3', 'Third'),
    ];
    const { client, calls } = mockClient({
      query: () => ({
        notifications: { totalCount: inbox.length, edges: inbox.map((node) => ({ node })) },
        unread: { totalCount: 2 },
      }),
      mutation: () => ({ markNotificationsRead: { notifications: [], userErrors: [] } }),
    });
    renderWithApp(<NotificationBell />, { client, token: 'qes_s_x' });
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    await userEvent.click(bell);
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        kind: 'mutation',
        name: 'MarkNotificationsRead',
        variables: { input: { ids: ['n1', 'n3'] } },
      }),
    );
    await userEvent.keyboard('{Escape}');
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(bell);
  });
});
