import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import { currentFeedHead } from '../../shared/events/event-feed.service.js';
import { User } from '../../modules/accounts/index.js';
import { WebhookDisabledReason, WebhookEndpoint } from '../../modules/webhooks/webhooks.entity.js';
import { encryptSecret, newWebhookSecret } from '../../modules/webhooks/webhook-secrets.js';

/** Where the demo endpoint points: `.invalid` is reserved (RFC 2606) and never resolves. */
export const DEMO_WEBHOOK_URL = 'https://example.invalid/qes-webhooks';

/**
 * One webhook endpoint of the demo bank, registered by bankadmin@demo.local, for the organisation page
 * to show. It is disabled (by its administrator) and points to a name that can never resolve, so `npm
 * start` sends nothing anywhere: enabled by hand, its deliveries would only fail (and be retried, then
 * disable it again after a day). Point it at a real receiver, then enable it, to try deliveries. Its secret
 * is random and shown to no one: rotate it to get one.
 */
export async function loadDemoWebhooks(orm: MikroORM, deps: PlatformDeps): Promise<void> {
  const em = orm.em.fork();
  const admin = await em.findOneOrFail(User, { email: 'bankadmin@demo.local' });
  const organisationId = admin.organisation!.id;
  if ((await em.count(WebhookEndpoint, { organisationId })) > 0) return;
  const secret = newWebhookSecret();
  const head = await currentFeedHead(em);
  const now = deps.clock.now();
  em.create(WebhookEndpoint, {
    organisationId,
    url: DEMO_WEBHOOK_URL,
    description: '示例：信贷系统接收新融资需求（示例地址，已停用）',
    eventTypes: ['FINANCING_DEMAND_PUBLISHED', 'FINANCING_OFFER_RECEIVED'],
    demandFilter: null,
    enabled: false,
    disabledReason: WebhookDisabledReason.BY_ADMIN,
    secretCiphertext: encryptSecret(deps.signingKey, secret),
    secretPrefix: secret.slice(0, 12),
    failingSince: null,
    cursorXactId: head.xactId,
    cursorPosition: head.position,
    createdById: admin.id,
    createdAt: now,
    updatedAt: now,
  });
  await em.flush();
}
