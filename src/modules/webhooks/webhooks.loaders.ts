import type { RequestContext } from '../../shared/context.js';
import { topLevelError } from '../../shared/errors.js';
import { checkPageSize, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { defineLoader } from '../../shared/loaders.js';
import { translate } from '../../shared/messages.js';
import { WebhookDelivery } from './webhooks.entity.js';

// The delivery log of many endpoints in one statement: each endpoint's newest deliveries (keyset, newest
// first) through a window per endpoint, so a list of 50 endpoints with their logs costs what one does.

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/;

function encodeCursor(delivery: WebhookDelivery): string {
  return Buffer.from(`${delivery.createdAt.toISOString()}|${delivery.id}`, 'utf8').toString('base64url');
}

function decodeCursor(ctx: RequestContext, after: string | null): { createdAt: string; id: string } | null {
  if (!after) return null;
  const match = after.length <= 120 ? CURSOR.exec(Buffer.from(after, 'base64url').toString('utf8')) : null;
  if (!match) throw topLevelError('BAD_USER_INPUT', translate(ctx.locale, 'error.invalidCursor'));
  return { createdAt: match[1]!, id: match[2]! };
}

export interface DeliveriesKey {
  endpointId: string;
  first: number | null;
  after: string | null;
}

const COLUMNS = `id, endpoint_id, event_position, event_type, status, attempts, next_attempt_at, claimed_until,
  last_attempt_at, response_status, duration_ms, error, redelivery_of_id, created_at`;

export const deliveriesByEndpoint = defineLoader<DeliveriesKey, ConnectionData<WebhookDelivery>>(
  'webhooks.deliveriesByEndpoint',
  async (ctx, keys) => {
    // Keys asking the same page (the usual case: first N of each endpoint) share one statement.
    const groups = new Map<string, DeliveriesKey[]>();
    for (const key of keys) {
      const group = `${key.first ?? ''}|${key.after ?? ''}`;
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const pages = new Map<DeliveriesKey, ConnectionData<WebhookDelivery>>();
    for (const group of groups.values()) {
      const first = checkPageSize(ctx, group[0]!.first);
      const after = decodeCursor(ctx, group[0]!.after);
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select ${COLUMNS} from (
           select ${COLUMNS}, row_number() over (partition by endpoint_id order by created_at desc, id desc) as n
             from webhook_deliveries
            where endpoint_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
              and (?::timestamptz is null or (created_at, id) < (?::timestamptz, ?::uuid))
         ) page where n <= ? order by endpoint_id, created_at desc, id desc`,
        [
          JSON.stringify(group.map((key) => key.endpointId)),
          after?.createdAt ?? null,
          after?.createdAt ?? null,
          after?.id ?? null,
          first + 1,
        ],
      );
      const deliveries = rows.map((row) => ctx.em.map(WebhookDelivery, row));
      for (const key of group) {
        const own = deliveries.filter((delivery) => delivery.endpointId === key.endpointId);
        const edges = own.slice(0, first).map((node) => ({ cursor: encodeCursor(node), node }));
        pages.set(key, {
          edges,
          pageInfo: {
            hasNextPage: own.length > first,
            hasPreviousPage: after !== null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          // Counted only when asked for: one count per endpoint that selects it.
          totalCount: lazy(() => ctx.em.count(WebhookDelivery, { endpointId: key.endpointId })),
        });
      }
    }
    return keys.map((key) => pages.get(key)!);
  },
);
