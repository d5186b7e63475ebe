import type { EntityManager } from '@mikro-orm/postgresql';

// The audit trail's tamper evidence. The database links every committed event into one hash chain
// (migration AuditChainAndIdempotency: a deferred trigger, serialised by an advisory lock); this
// recomputes every link with the same SQL functions and names the first that does not hold.

export interface AuditChainVerification {
  ok: boolean;
  checkedEvents: number;
  /** The first event (in chain order) whose link does not hold, or that has no link at all. */
  firstBrokenEventId: string | null;
}

// One statement, so one snapshot: events of transactions still in flight are neither counted nor
// reported (their links are written at their commit). A link is broken when its hash is not the
// hash of the previous link's hash and its event's current content, when its number does not follow
// the previous one, or when its event is gone; an event without a link is broken too.
const VERIFY_SQL = `
  with links as (
    select c.link_number, c.event_id, c.hash,
           audit_chain_hash(lag(c.hash) over chain, c.link_number, e) as expected,
           lag(c.link_number, 1, 0::bigint) over chain as previous_number,
           e.id is null as event_missing
    from audit_chain c left join audit_events e on e.id = c.event_id
    window chain as (order by c.link_number)
  )
  select
    (select count(*) from links)::int as checked,
    coalesce(
      (select event_id from links
        where event_missing or hash <> expected or previous_number <> link_number - 1
        order by link_number limit 1),
      (select e.id from audit_events e
        where not exists (select 1 from audit_chain c where c.event_id = e.id)
        order by e.seq limit 1)
    ) as first_broken`;

/** Recomputes the whole chain (a full scan of the trail: an administrator's check, not a hot path). */
export async function verifyAuditChain(em: EntityManager): Promise<AuditChainVerification> {
  const [row] = await em.execute<{ checked: number; first_broken: string | null }[]>(VERIFY_SQL);
  return {
    ok: row!.first_broken === null,
    checkedEvents: row!.checked,
    firstBrokenEventId: row!.first_broken,
  };
}
