import type { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser } from '../helpers/factories.js';

/**
 * For the cursor test (test/platform/cursors.test.ts): a bank's administrator, who alone reads its
 * webhook endpoints, with three endpoints, the first with three deliveries a minute apart.
 */
export async function webhookCursorSamples(
  app: TestApp,
): Promise<{ viewer: { name: string; token: string }; parents: Record<string, string> }> {
  const bank = await createOrganisation(app, 'BANK');
  const admin = await createUser(app, { role: 'BANK_OFFICER', organisation: bank, organisationAdmin: true });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const created = await app.execute(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } userErrors { message } } }`,
      // An IP literal: checked without DNS, never sent to (no event is dispatched here).
      { input: { url: `https://93.184.216.34/hook/${i}` } },
      { token: admin.token },
    );
    ids.push((created.data as any).createWebhookEndpoint.endpoint.id);
  }
  const endpointId = Buffer.from(ids[0]!, 'base64url').toString('utf8').split(':')[1]!;
  for (let i = 0; i < 3; i++) {
    await app.em().execute(
      `insert into webhook_deliveries (id, endpoint_id, event_position, event_type, body, status, created_at)
         values (gen_random_uuid(), ?, ?, 'ENTERPRISE_REGISTERED', '{}', 'SUCCEEDED', now() + make_interval(mins => ?))`,
      [endpointId, i + 1, i],
    );
  }
  return { viewer: { name: 'bank administrator', token: admin.token }, parents: { WebhookEndpoint: ids[0]! } };
}
