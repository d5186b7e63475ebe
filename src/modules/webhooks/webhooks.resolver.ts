import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { money } from '../../shared/money.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { ORG_ADMIN } from '../../shared/viewer.js';
import { filterFromJson } from '../financing/index.js';
import { deliveriesByEndpoint } from './webhooks.loaders.js';
import {
  CreateWebhookEndpointInput,
  RedeliverWebhookInput,
  UpdateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  RotateWebhookSecretInput,
} from './webhooks.inputs.js';
import { WebhookDelivery, WebhookEndpoint } from './webhooks.entity.js';
import * as webhooks from './webhooks.service.js';
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookPayload,
  RotateWebhookSecretPayload,
  UpdateWebhookEndpointPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookDemandFilterType,
  WebhookEndpointConnection,
  WebhookEndpointType,
} from './webhooks.types.js';

// Thin by design: check the role, call the service (webhooks.service.ts), shape the payload.

const WHO = "Role: the organisation's administrator (ORG_ADMIN), for its own organisation's endpoints only.";

@Resolver()
export class WebhooksResolver {
  @Authorized(ORG_ADMIN)
  @Query(() => WebhookEndpointConnection, {
    description: `The webhook endpoints of the viewer's organisation, newest first. ${WHO}`,
  })
  webhookEndpoints(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return webhooks.listWebhookEndpoints(ctx, page);
  }

  @Authorized(ORG_ADMIN)
  @MutationWithPayload(() => CreateWebhookEndpointPayload, {
    description: `Registers an https endpoint that receives the organisation's events from now on, signed (X-QES-Signature). The URL's host must resolve to public addresses only. The signing secret is in this payload only. ${WHO}`,
  })
  createWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The endpoint.' }) input: CreateWebhookEndpointInput,
  ) {
    return webhooks.createWebhookEndpoint(ctx, {
      url: input.url,
      description: input.description ?? '',
      eventTypes: input.eventTypes ?? [],
      demandFilter: input.demandFilter ?? null,
      enabled: input.enabled ?? true,
    });
  }

  @Authorized(ORG_ADMIN)
  @MutationWithPayload(() => UpdateWebhookEndpointPayload, {
    description: `Changes an endpoint's URL, description, event types, demand filter or whether it is enabled. ${WHO}`,
  })
  async updateWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The changes.' }) input: UpdateWebhookEndpointInput,
  ) {
    const endpoint = await webhooks.updateWebhookEndpoint(ctx, input.id, {
      url: input.url ?? undefined,
      description: input.description ?? undefined,
      eventTypes: input.eventTypes ?? undefined,
      demandFilter: input.clearDemandFilter ? null : (input.demandFilter ?? undefined),
      enabled: input.enabled ?? undefined,
    });
    return { endpoint };
  }

  @Authorized(ORG_ADMIN)
  @MutationWithPayload(() => DeleteWebhookEndpointPayload, {
    description: `Deletes an endpoint and its delivery log. ${WHO}`,
  })
  async deleteWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeleteWebhookEndpointInput, { description: 'The endpoint.' }) input: DeleteWebhookEndpointInput,
  ) {
    return { deletedEndpointId: await webhooks.deleteWebhookEndpoint(ctx, input.id) };
  }

  @Authorized(ORG_ADMIN)
  @MutationWithPayload(() => RotateWebhookSecretPayload, {
    description: `Replaces an endpoint's signing secret; the new one is in this payload only and signs every delivery from now on. ${WHO}`,
  })
  rotateWebhookSecret(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RotateWebhookSecretInput, { description: 'The endpoint.' }) input: RotateWebhookSecretInput,
  ) {
    return webhooks.rotateWebhookSecret(ctx, input.id);
  }

  @Authorized(ORG_ADMIN)
  @MutationWithPayload(() => RedeliverWebhookPayload, {
    description: `Sends a delivery's event again, as a new delivery (same body and event id, new X-QES-Delivery), at the next run of the sender. ${WHO}`,
  })
  async redeliverWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RedeliverWebhookInput, { description: 'The delivery.' }) input: RedeliverWebhookInput,
  ) {
    return { delivery: await webhooks.redeliverWebhook(ctx, input.deliveryId) };
  }
}

@Resolver(() => WebhookEndpointType)
export class WebhookEndpointFieldsResolver {
  @FieldResolver(() => WebhookDeliveryConnection, {
    description: 'The delivery log, newest first (keyset pagination).',
  })
  deliveries(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return ctx.loaders
      .get(deliveriesByEndpoint)
      .load({ endpointId: endpoint.id, first: page.first ?? null, after: page.after ?? null });
  }

  @FieldResolver(() => WebhookDemandFilterType, {
    nullable: true,
    description: 'For a bank: which new demands it receives; null: every one.',
  })
  demandFilter(@Root() endpoint: WebhookEndpoint): WebhookDemandFilterType | null {
    if (!endpoint.demandFilter) return null;
    const filter = filterFromJson(endpoint.demandFilter);
    return {
      districts: filter.districts,
      industries: filter.industries,
      amountMin: filter.amountMinFen === null ? null : money(filter.amountMinFen),
      amountMax: filter.amountMaxFen === null ? null : money(filter.amountMaxFen),
      termMonthsMax: filter.termMonthsMax,
      guaranteeTypes: filter.guaranteeTypes,
      foreignInvested: filter.foreignInvested,
    };
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'Whether this delivery repeats an earlier one (redeliverWebhook).' })
  redelivery(@Root() delivery: WebhookDelivery): boolean {
    return delivery.redeliveryOfId !== null;
  }
}
