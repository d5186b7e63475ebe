import { Migration } from '@mikro-orm/migrations';

// The change history stored an operating term as "[object Object]" (its JSON object went through
// String()). Each confirmed application holds the whole declaration, so the value after a step is its
// application's term, and the value before is the term of the enterprise's previous step: rendered as
// the service now does, LONG_TERM or the last day.
const TERM_TEXT = (term: string) =>
  `(case when ${term} is null or jsonb_typeof(${term}) <> 'object' then null when (${term}->>'longTerm')::boolean then 'LONG_TERM' else ${term}->>'endsOn' end)`;

const AFTER = `(select a.declaration->'operatingTerm' from "registration_applications" a where a.id = c.application_id)`;
const BEFORE = `(select a.declaration->'operatingTerm'
    from "enterprise_changes" p join "registration_applications" a on a.id = p.application_id
    where p.enterprise_id = c.enterprise_id and p.kind <> 'DEREGISTRATION' and (p.at, p.id) < (c.at, c.id)
    order by p.at desc, p.id desc limit 1)`;

export const OPERATING_TERM_HISTORY_SQL = `
update "enterprise_changes" c set "items" = (
  select jsonb_agg(
    case when i->>'item' = 'operatingTerm' then jsonb_build_object(
        'item', 'operatingTerm',
        'before', case when i->>'before' = '[object Object]' then to_jsonb(${TERM_TEXT(BEFORE)}) else i->'before' end,
        'after', case when i->>'after' = '[object Object]' then to_jsonb(${TERM_TEXT(AFTER)}) else i->'after' end)
      else i end
    order by n)
  from jsonb_array_elements(c."items") with ordinality as e(i, n)
)
where c."items" @> '[{"item": "operatingTerm"}]' and c."items"::text like '%[object Object]%';`;

export class Migration20261207094500_OperatingTermHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(OPERATING_TERM_HISTORY_SQL);
  }

  override async down(): Promise<void> {
    // The rendering is kept: "[object Object]" was never a value to go back to.
  }
}
