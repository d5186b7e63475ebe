import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemContext } from '../../src/app/context.js';
import { DEMO_PASSWORD, loadDemoData } from '../../src/db/demo/index.js';
import { runWebhooks } from '../../src/modules/webhooks/index.js';
import { TestApp } from '../helpers/app.js';

// The demo bank's webhook endpoint: shown on bankadmin@demo.local's organisation page, and silent: it is
// disabled and points to a name that never resolves, so the demo sends nothing over the network.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
  await loadDemoData(app.orm, app.deps);
}, 300_000);
afterAll(async () => app?.stop());

describe('the webhooks demo data', () => {
  it('gives the demo bank one disabled endpoint at an example URL, which the job never sends to', async () => {
    const signIn = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { email: 'bankadmin@demo.local', password: DEMO_PASSWORD },
    });
    const token = signIn.data!.signIn.token as string;

    const list = await app.execute(
      `{ webhookEndpoints { edges { node { url enabled disabledReason eventTypes } } } }`,
      {},
      { token },
    );
    await runWebhooks(createSystemContext(app.orm, app.deps));
    await loadDemoData(app.orm, app.deps);

    expect(list.data!.webhookEndpoints.edges).toEqual([
      {
        node: {
          url: 'https://example.invalid/qes-webhooks',
          enabled: false,
          disabledReason: 'BY_ADMIN',
          eventTypes: ['FINANCING_DEMAND_PUBLISHED', 'FINANCING_OFFER_RECEIVED'],
        },
      },
    ]);
    const [counts] = await app
      .em()
      .execute(
        `select (select count(*)::int from webhook_endpoints) as endpoints, (select count(*)::int from webhook_deliveries) as deliveries`,
      );
    expect(counts).toEqual({ endpoints: 1, deliveries: 0 });
  });
});
