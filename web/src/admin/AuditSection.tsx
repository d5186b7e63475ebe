import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { SelectField, TextField } from '../components/Field';
import { AdminAuditEventsDocument, type AuditAction, type AuditEventFilter } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { enumLabel, enumOptions } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

export function AuditSection() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [form, setForm] = useState({ action: '', subjectId: '', actorId: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminAuditEventsDocument,
    variables: { first: 50, after, filter },
    requestPolicy: 'network-only',
  });
  const rows = data?.auditEvents.edges.map((edge) => edge.node) ?? [];
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <section className="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.title')}</h2>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          setAfter(null);
          setFilter({
            actions: form.action ? [form.action as AuditAction] : null,
            subjectId: form.subjectId.trim() || null,
            actorId: form.actorId.trim() || null,
            from: form.from ? new Date(`${form.from}T00:00:00+08:00`).toISOString() : null,
            to: form.to ? new Date(`${form.to}T00:00:00+08:00`).toISOString() : null,
          });
        }}
      >
        <SelectField
          label={t('admin.audit.action')}
          name="action"
          value={form.action}
          onChange={set('action')}
          options={enumOptions(t, 'AuditAction')}
          placeholder={t('admin.audit.anyAction')}
        />
        <TextField
          label={t('admin.audit.subject')}
          name="subjectId"
          value={form.subjectId}
          onChange={set('subjectId')}
        />
        <TextField label={t('admin.audit.actor')} name="actorId" value={form.actorId} onChange={set('actorId')} />
        <TextField
          label={t('admin.audit.from')}
          name="auditFrom"
          type="date"
          value={form.from}
          onChange={set('from')}
        />
        <TextField label={t('admin.audit.to')} name="auditTo" type="date" value={form.to} onChange={set('to')} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('admin.audit.apply')}
          </button>
        </div>
      </form>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('admin.audit.empty')}</EmptyState> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table data-testid="audit-events">
            <caption className="visually-hidden">{t('admin.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.what')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.change')}</th>
                <th scope="col">{t('admin.audit.object')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.at, language)}</td>
                  <th scope="row" data-action={row.action}>
                    {enumLabel(t, 'AuditAction', row.action)}
                  </th>
                  <td>{actorText(row.actor, t)}</td>
                  <td>
                    {row.fromState ?? '—'} → {row.toState ?? '—'}
                  </td>
                  <td className="wrap-list">
                    <code>{row.subjectId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.auditEvents.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setAfter(data.auditEvents.pageInfo.endCursor ?? null)}
        >
          {t('admin.audit.more')}
        </button>
      ) : null}
    </section>
  );
}

/** "管理员 · 王芳" or "合作系统 · ERP key"; a dash when the platform itself acted. */
function actorText(
  actor: { role?: string | null; user?: { displayName: string } | null; apiKey?: { name: string } | null } | null,
  t: TFunction,
): string {
  if (!actor) return '—';
  const who = actor.user?.displayName ?? actor.apiKey?.name;
  const role = actor.role ? enumLabel(t, 'Role', actor.role) : null;
  return [role, who].filter(Boolean).join(' · ') || '—';
}
