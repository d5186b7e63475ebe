import { createRequestContext } from '../../src/app/context.js';
import { defineMessages } from '../../src/shared/messages.js';
import { notify, type NotifyInput } from '../../src/shared/notifications/notification.service.js';
import { inTransaction } from '../../src/shared/transaction.js';
import type { TestApp } from './app.js';

// Notifications are sent by modules inside their own transactions; tests send them the same way.

defineMessages({
  'test.notification.title': { zh: '测试通知 {n}', en: 'Test notification {n}' },
  'test.notification.body': { zh: '第 {n} 条测试通知。', en: 'Test notification number {n}.' },
});

/** Sends a notification to `userId` through notify() in a committed transaction; returns its local id. */
export async function sendNotification(
  app: TestApp,
  userId: string,
  overrides: Partial<NotifyInput> & { n?: number } = {},
): Promise<string> {
  const ctx = await createRequestContext(app.orm, app.deps, {
    authorization: null,
    acceptLanguage: null,
    ip: '127.0.0.1',
  });
  const { n = 1, ...input } = overrides;
  return inTransaction(ctx, async (tx) => {
    const notification = notify(tx, {
      userId,
      kind: 'OTHER',
      titleKey: 'test.notification.title',
      bodyKey: 'test.notification.body',
      params: { n },
      ...input,
    });
    await tx.em.flush();
    return notification.id;
  });
}
