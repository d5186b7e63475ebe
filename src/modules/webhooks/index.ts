// The webhooks module: an organisation's signed webhook endpoints, fed from the domain-event outbox.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import type { RequestContext } from '../../shared/context.js';
import { WebhookDelivery, WebhookEndpoint, webhooksEntities } from './webhooks.entity.js';
import { WebhookDeliveryFieldsResolver, WebhookEndpointFieldsResolver, WebhooksResolver } from './webhooks.resolver.js';
import { WebhookDeliveryType, WebhookEndpointType } from './webhooks.types.js';

export { webhooksEntities };
export { runWebhooks } from './webhook-delivery.js';

/** The organisation whose endpoints the viewer administers, or null: no one else sees any. */
function administeredOrganisation(ctx: RequestContext): string | null {
  const { viewer } = ctx;
  return viewer.kind === 'USER' && viewer.organisationAdmin ? viewer.organisationId : null;
}

registerNodeType({
  typeName: 'WebhookEndpoint',
  entity: WebhookEndpoint,
  load: async (ctx, ids) => {
    const organisationId = administeredOrganisation(ctx);
    if (!organisationId) return ids.map(() => null);
    const found = await ctx.em.find(WebhookEndpoint, { id: { $in: [...ids] }, organisationId });
    return byKeys(ids, found, (endpoint) => endpoint.id);
  },
});

registerNodeType({
  typeName: 'WebhookDelivery',
  entity: WebhookDelivery,
  load: async (ctx, ids) => {
    const organisationId = administeredOrganisation(ctx);
    if (!organisationId) return ids.map(() => null);
    const endpoints = await ctx.em.find(WebhookEndpoint, { organisationId }, { fields: ['id'] });
    const found = endpoints.length
      ? await ctx.em.find(WebhookDelivery, {
          id: { $in: [...ids] },
          endpointId: { $in: endpoints.map((endpoint) => endpoint.id) },
        })
      : [];
    return byKeys(ids, found, (delivery) => delivery.id);
  },
});

export const webhooksResolvers = [
  WebhooksResolver,
  WebhookEndpointFieldsResolver,
  WebhookDeliveryFieldsResolver,
  nodeIdResolver(WebhookEndpointType, 'WebhookEndpoint'),
  nodeIdResolver(WebhookDeliveryType, 'WebhookDelivery'),
] as const;
