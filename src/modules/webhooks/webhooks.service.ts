import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { currentFeedHead } from '../../shared/events/event-feed.service.js';
import { isFeedEventType } from '../../shared/events/event-types.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { localIdOf } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import { Organisation } from '../accounts/index.js';
import { filterToJson, parseDemandFilter, type FinancingDemandFilter } from '../financing/index.js';
import { checkWebhookUrl } from './webhook-url.js';
import { encryptSecret, newWebhookSecret } from './webhook-secrets.js';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookDisabledReason, WebhookEndpoint } from './webhooks.entity.js';
import './webhooks.messages.js';

// An organisation's webhook endpoints, managed by its own administrator (ORG_ADMIN) and by no one else:
// another organisation's endpoint or delivery is answered as if it did not exist. Every input is checked
// before anything is written; a refused change writes nothing.

/** Endpoints one organisation may register. */
export const MAX_ENDPOINTS_PER_ORGANISATION = 10;
const MAX_EVENT_TYPES = 50;
const MAX_DESCRIPTION = 500;
const MAX_URL = 2000;

/** The organisation whose endpoints the caller manages. */
function managedOrganisationId(ctx: RequestContext): string {
  const { viewer } = ctx;
  if (viewer.kind === 'USER' && viewer.organisationAdmin && viewer.organisationId) return viewer.organisationId;
  // The resolvers let no one else in; a defect must not widen anyone's reach.
  throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'error.forbidden'));
}

const notFound = (field: string) =>
  new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', field]));

export interface EndpointChanges {
  url?: string;
  description?: string | null;
  eventTypes?: string[] | null;
  /** undefined: unchanged; null: no filter (every demand). */
  demandFilter?: FinancingDemandFilter | null;
  enabled?: boolean;
}

interface CheckedChanges {
  url?: string;
  description?: string;
  eventTypes?: string[];
  demandFilter?: Record<string, unknown> | null;
  enabled?: boolean;
}

/** Checks every given field and reports each bad one at its place; resolves the URL's host (SSRF rules). */
async function checkChanges(
  ctx: RequestContext,
  organisation: Organisation,
  input: EndpointChanges,
): Promise<CheckedChanges> {
  const problems: Problem[] = [];
  const checked: CheckedChanges = {};
  if (input.url !== undefined) {
    const url = input.url.trim();
    if (!url) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'url']));
    else if (url.length > MAX_URL) {
      problems.push(problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'url'], { max: MAX_URL }));
    } else {
      const result = await checkWebhookUrl(url, ctx.deps.config.webhooksAllowPrivate);
      if (typeof result === 'string') {
        const code = result === 'webhooks.urlPrivateAddress' ? UserErrorCode.NOT_ALLOWED : UserErrorCode.INVALID_FORMAT;
        problems.push(problem(code, result, ['input', 'url']));
      } else checked.url = result.url.href;
    }
  }
  if (input.description !== undefined) {
    const description = (input.description ?? '').trim();
    if (description.length > MAX_DESCRIPTION) {
      problems.push(
        problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'description'], { max: MAX_DESCRIPTION }),
      );
    }
    checked.description = description;
  }
  if (input.eventTypes !== undefined) {
    const types = [...new Set((input.eventTypes ?? []).map((type) => type.trim()))];
    if (types.length > MAX_EVENT_TYPES) {
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'error.outOfRange', ['input', 'eventTypes']));
    }
    types.forEach((type, index) => {
      if (!isFeedEventType(type)) {
        problems.push(
          problem(UserErrorCode.INVALID_FORMAT, 'webhooks.eventTypeInvalid', ['input', 'eventTypes', String(index)]),
        );
      }
    });
    checked.eventTypes = types;
  }
  if (input.demandFilter !== undefined && input.demandFilter !== null) {
    if (organisation.kind !== 'BANK') {
      problems.push(problem(UserErrorCode.NOT_ALLOWED, 'webhooks.filterOnlyForBanks', ['input', 'demandFilter']));
    } else {
      try {
        checked.demandFilter = filterToJson(parseDemandFilter(input.demandFilter, ['input', 'demandFilter']));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(...error.problems);
      }
    }
  } else if (input.demandFilter === null) {
    checked.demandFilter = null;
  }
  if (input.enabled !== undefined) checked.enabled = input.enabled;
  throwIfProblems(problems);
  return checked;
}

/** The caller's organisation's endpoints, newest first. */
export function listWebhookEndpoints(ctx: RequestContext, page: PageArgs): Promise<ConnectionData<WebhookEndpoint>> {
  return paginate(
    ctx,
    WebhookEndpoint,
    { organisationId: managedOrganisationId(ctx) },
    { orderBy: { createdAt: 'desc', id: 'desc' }, ...page },
  );
}

export interface CreateEndpointInput extends EndpointChanges {
  url: string;
}

/**
 * Registers an endpoint; it receives the events that happen from now on. The secret is in the result
 * only (stored encrypted, see webhook-secrets.ts).
 */
export async function createWebhookEndpoint(
  ctx: RequestContext,
  input: CreateEndpointInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const organisationId = managedOrganisationId(ctx);
  const organisation = await ctx.em.findOneOrFail(Organisation, { id: organisationId });
  const checked = await checkChanges(ctx, organisation, { description: '', eventTypes: [], ...input });
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    // The organisation's row, locked: two creations at once cannot both pass the cap.
    await tx.em.findOneOrFail(Organisation, { id: organisationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const count = await tx.em.count(WebhookEndpoint, { organisationId });
    if (count >= MAX_ENDPOINTS_PER_ORGANISATION) {
      throw new DomainError(
        problem(UserErrorCode.CAPACITY_REACHED, 'webhooks.tooManyEndpoints', ['input'], {
          max: MAX_ENDPOINTS_PER_ORGANISATION,
        }),
      );
    }
    const head = await currentFeedHead(tx.em);
    const now = tx.deps.clock.now();
    const enabled = checked.enabled ?? true;
    const endpoint = tx.em.create(WebhookEndpoint, {
      organisationId,
      url: checked.url!,
      description: checked.description ?? '',
      eventTypes: checked.eventTypes ?? [],
      demandFilter: checked.demandFilter ?? null,
      enabled,
      disabledReason: enabled ? null : WebhookDisabledReason.BY_ADMIN,
      secretCiphertext: encryptSecret(tx.deps.signingKey, secret),
      secretPrefix: secret.slice(0, 12),
      failingSince: null,
      cursorXactId: head.xactId,
      cursorPosition: head.position,
      createdById: tx.viewer.userId!,
      createdAt: now,
      updatedAt: now,
    });
    tx.em.persist(endpoint);
    recordAudit(tx, {
      action: 'webhookEndpoint.create',
      subjectType: 'WebhookEndpoint',
      subjectId: endpoint.id,
      toState: enabled ? 'ENABLED' : 'DISABLED',
      details: { organisationId, eventTypes: endpoint.eventTypes },
    });
    await tx.em.flush();
    return { endpoint, secret };
  });
}

/** The caller's organisation's endpoint, locked for the change; NOT_FOUND for any other. */
async function lockManagedEndpoint(tx: RequestContext, globalId: string): Promise<WebhookEndpoint> {
  const id = localIdOf(globalId, 'WebhookEndpoint');
  if (!id) throw notFound('id');
  const endpoint = await tx.em.findOne(
    WebhookEndpoint,
    { id, organisationId: managedOrganisationId(tx) },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!endpoint) throw notFound('id');
  return endpoint;
}

export async function updateWebhookEndpoint(
  ctx: RequestContext,
  globalId: string,
  input: EndpointChanges,
): Promise<WebhookEndpoint> {
  const organisation = await ctx.em.findOneOrFail(Organisation, { id: managedOrganisationId(ctx) });
  const id = localIdOf(globalId, 'WebhookEndpoint');
  // An unknown id is reported before (and with) the field problems, as if the endpoint did not exist.
  const exists = id !== null && (await ctx.em.count(WebhookEndpoint, { id, organisationId: organisation.id })) > 0;
  if (!exists) throw notFound('id');
  const checked = await checkChanges(ctx, organisation, input);
  return inTransaction(ctx, async (tx) => {
    const endpoint = await lockManagedEndpoint(tx, globalId);
    const wasEnabled = endpoint.enabled;
    if (checked.url !== undefined) endpoint.url = checked.url;
    if (checked.description !== undefined) endpoint.description = checked.description;
    if (checked.eventTypes !== undefined) endpoint.eventTypes = checked.eventTypes;
    if (checked.demandFilter !== undefined) endpoint.demandFilter = checked.demandFilter;
    if (checked.enabled !== undefined && checked.enabled !== wasEnabled) {
      endpoint.enabled = checked.enabled;
      endpoint.disabledReason = checked.enabled ? null : WebhookDisabledReason.BY_ADMIN;
      if (checked.enabled) {
        // Enabled again: it receives what happens from now on (the feed has what happened meanwhile),
        // with a fresh 24 hours before failures disable it.
        const head = await currentFeedHead(tx.em);
        endpoint.cursorXactId = head.xactId;
        endpoint.cursorPosition = head.position;
        endpoint.failingSince = null;
      }
    }
    endpoint.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'webhookEndpoint.update',
      subjectType: 'WebhookEndpoint',
      subjectId: endpoint.id,
      fromState: wasEnabled ? 'ENABLED' : 'DISABLED',
      toState: endpoint.enabled ? 'ENABLED' : 'DISABLED',
      details: { changed: Object.keys(checked) },
    });
    await tx.em.flush();
    return endpoint;
  });
}

/** Deletes the endpoint and its delivery log. */
export async function deleteWebhookEndpoint(ctx: RequestContext, globalId: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const endpoint = await lockManagedEndpoint(tx, globalId);
    recordAudit(tx, {
      action: 'webhookEndpoint.delete',
      subjectType: 'WebhookEndpoint',
      subjectId: endpoint.id,
      fromState: endpoint.enabled ? 'ENABLED' : 'DISABLED',
      toState: 'DELETED',
    });
    await tx.em.nativeDelete(WebhookDelivery, { endpointId: endpoint.id });
    tx.em.remove(endpoint);
    await tx.em.flush();
    return globalId;
  });
}

/** A new signing secret, returned once; the old one stops signing at once. */
export async function rotateWebhookSecret(
  ctx: RequestContext,
  globalId: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const endpoint = await lockManagedEndpoint(tx, globalId);
    endpoint.secretCiphertext = encryptSecret(tx.deps.signingKey, secret);
    endpoint.secretPrefix = secret.slice(0, 12);
    endpoint.updatedAt = tx.deps.clock.now();
    recordAudit(tx, { action: 'webhookEndpoint.rotateSecret', subjectType: 'WebhookEndpoint', subjectId: endpoint.id });
    await tx.em.flush();
    return { endpoint, secret };
  });
}

/**
 * Sends a delivery's event again, as a new delivery (new id, same body and event id) due at once: the
 * receiver tells them apart by X-QES-Delivery and recognises the event by its `id`.
 */
export async function redeliverWebhook(ctx: RequestContext, globalId: string): Promise<WebhookDelivery> {
  const organisationId = managedOrganisationId(ctx);
  const id = localIdOf(globalId, 'WebhookDelivery');
  if (!id) throw notFound('deliveryId');
  return inTransaction(ctx, async (tx) => {
    const [original] = await tx.em.execute<
      { endpoint_id: string; event_position: string; event_type: string; body: string }[]
    >(
      `select d.endpoint_id, d.event_position::text as event_position, d.event_type, d.body
         from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
        where d.id = ? and w.organisation_id = ?`,
      [id, organisationId],
    );
    if (!original) throw notFound('deliveryId');
    const now = tx.deps.clock.now();
    const delivery = tx.em.create(WebhookDelivery, {
      endpointId: original.endpoint_id,
      eventPosition: original.event_position,
      eventType: original.event_type,
      body: original.body,
      status: WebhookDeliveryStatus.PENDING,
      attempts: 0,
      nextAttemptAt: now,
      redeliveryOfId: id,
      createdAt: now,
    });
    tx.em.persist(delivery);
    recordAudit(tx, {
      action: 'webhookDelivery.redeliver',
      subjectType: 'WebhookDelivery',
      subjectId: delivery.id,
      details: { redeliveryOf: id },
    });
    await tx.em.flush();
    return delivery;
  });
}
