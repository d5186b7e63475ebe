import { createRequestContext } from '../../../src/app/context.js';
import { User } from '../../../src/modules/accounts/index.js';
import { notify } from '../../../src/shared/notifications/notification.service.js';
import type { TestApp } from '../../helpers/app.js';

/** Sends a notification to the user with this email the way a module does: in a transaction, published after commit. */
export async function sendNotification(app: TestApp, email: string, title: string, body: string): Promise<void> {
  const user = await app.em().findOneOrFail(User, { email });
  const ctx = await createRequestContext(app.orm, app.deps, {
    authorization: null,
    acceptLanguage: 'en',
    ip: '127.0.0.1',
  });
  notify(ctx, { userId: user.id, kind: 'OTHER', titleKey: title, bodyKey: body });
  await ctx.em.flush();
  for (const publish of ctx.afterCommit) publish();
}
