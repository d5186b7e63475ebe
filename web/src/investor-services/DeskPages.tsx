import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  AcceptServiceCaseDocument,
  DeclineServiceCaseDocument,
  ExtendServiceCaseDocument,
  PostCaseMessageDocument,
  PublishTypicalCaseDocument,
  ReferServiceCaseDocument,
  ResolveServiceCaseDocument,
  ServiceCaseDocument,
  ServiceCaseQueueDocument,
  type ServiceCaseFieldsFragment,
  type ServiceCaseFilter,
} from '../gql/graphql';
import { AttachmentList, BASE, CaseFacts, CaseStatus, Deadline, Messages, useLiveCase } from './shared';

function Queue({
  title,
  filter,
  testId,
  empty,
}: {
  title: string;
  filter: ServiceCaseFilter;
  testId: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ServiceCaseQueueDocument,
    variables: { first: 50, filter },
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.serviceCases.edges.map((e) => e.node) ?? [];
  return (
    <section className="section" aria-label={title}>
      <h2>
        {title} {data ? <span className="badge">{data.serviceCases.totalCount}</span> : null}
      </h2>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{empty}</EmptyState> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{t('investorServices.number')}</th>
                <th scope="col">{t('investorServices.kind')}</th>
                <th scope="col">{t('investorServices.subject')}</th>
                <th scope="col">{t('investorServices.status')}</th>
                <th scope="col">{t('investorServices.acceptBy')}</th>
                <th scope="col">{t('investorServices.resolveBy')}</th>
                <th scope="col">{t('investorServices.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={c.overdue ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={`${BASE}/desk/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link>
                  </th>
                  <td>{t(`investorServices.kinds.${c.kind}`)}</td>
                  <td>{c.subject}</td>
                  <td>
                    <CaseStatus status={c.status} />
                  </td>
                  <td>
                    <Deadline
                      day={c.acceptBy}
                      overdue={c.overdue && c.status === 'SUBMITTED' && c.kind === 'COMPLAINT'}
                    />
                  </td>
                  <td>
                    <Deadline
                      day={c.extendedResolveBy ?? c.resolveBy}
                      overdue={c.overdue && !(c.status === 'SUBMITTED' && c.kind === 'COMPLAINT')}
                    />
                  </td>
                  <td>{c.assignee?.displayName ?? t('investorServices.unassigned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function DeskQueuePage() {
  const { t } = useTranslation();
  const [mine, setMine] = useState(false);
  return (
    <Page title={t('investorServices.desk')} wide>
      <p className="actions">
        <Link className="button button--secondary" to={`${BASE}/desk/figures`}>
          {t('investorServices.figures')}
        </Link>
        <Link className="button button--secondary" to={`${BASE}/desk/typical`}>
          {t('investorServices.manageTypical')}
        </Link>
        <button type="button" className="button button--quiet" aria-pressed={mine} onClick={() => setMine((m) => !m)}>
          {mine ? t('investorServices.allCases') : t('investorServices.assignedToMe')}
        </button>
      </p>
      <Queue
        title={t('investorServices.overdueBoard')}
        filter={{ overdue: true, assignedToMe: mine || null }}
        testId="overdue-board"
        empty={t('investorServices.noneOverdue')}
      />
      <Queue
        title={t('investorServices.queue')}
        filter={{ assignedToMe: mine || null }}
        testId="case-queue"
        empty={t('investorServices.noCases')}
      />
    </Page>
  );
}

function ActionForm({
  title,
  testId,
  onSubmit,
  children,
  errors,
}: {
  title: string;
  testId: string;
  onSubmit: () => Promise<void>;
  children?: ReactNode;
  errors: string[];
}) {
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card"
      data-testid={testId}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setBusy(true);
        void onSubmit().finally(() => setBusy(false));
      }}
    >
      <h3 className="card__title">{title}</h3>
      <FormErrors messages={errors} />
      {children}
      <button type="submit" className="button button--primary" disabled={busy}>
        {title}
      </button>
    </form>
  );
}

function DeskActions({ c }: { c: ServiceCaseFieldsFragment }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [text, setText] = useState<Record<string, string>>({});
  const [, accept] = useMutation(AcceptServiceCaseDocument);
  const [, decline] = useMutation(DeclineServiceCaseDocument);
  const [, extend] = useMutation(ExtendServiceCaseDocument);
  const [, resolve] = useMutation(ResolveServiceCaseDocument);
  const [, refer] = useMutation(ReferServiceCaseDocument);
  const [, post] = useMutation(PostCaseMessageDocument);
  const [, publish] = useMutation(PublishTypicalCaseDocument);
  const field = (name: string) => ({
    name,
    value: text[name] ?? '',
    onChange: (e: { target: { value: string } }) => setText((s) => ({ ...s, [name]: e.target.value })),
  });
  const run =
    (key: string) =>
    async (result: Promise<{ data?: Record<string, { userErrors: { message: string }[] } | null> | null }>) => {
      const data = (await result).data;
      const payload = data ? Object.values(data)[0] : null;
      const messages = payload?.userErrors.map((e) => e.message) ?? [];
      setErrors((s) => ({ ...s, [key]: messages }));
      if (!messages.length) {
        setText((s) => ({
          ...s,
          [`${key}.body`]: '',
          [`${key}.note`]: '',
          [`${key}.title`]: '',
          [`${key}.summary`]: '',
        }));
      }
    };
  const open = ['SUBMITTED', 'MATERIALS_REQUESTED', 'ACCEPTED'].includes(c.status);
  const complaintDecision = c.kind === 'COMPLAINT' && (c.status === 'SUBMITTED' || c.status === 'MATERIALS_REQUESTED');
  const resolvable = c.kind === 'COMPLAINT' ? c.status === 'ACCEPTED' : c.status === 'SUBMITTED';
  const outcomes =
    c.kind === 'COMPLAINT'
      ? ['RESOLVED_BY_COORDINATION', 'UNDERSTANDING_REACHED', 'COMPLAINANT_NOT_COOPERATING']
      : ['ANSWERED'];
  const reasons = [
    'CIVIL_OR_COMMERCIAL_DISPUTE',
    'NOT_FOREIGN_INVESTOR',
    'IN_LITIGATION_OR_RECONSIDERATION',
    'INCOMPLETE_MATERIALS',
    'DUPLICATE',
    'OUTSIDE_REMIT',
  ];
  return (
    <section className="section" aria-labelledby="actions">
      <h2 id="actions">{t('investorServices.actions')}</h2>
      <div className="stack">
        {open ? (
          <ActionForm
            title={t('investorServices.replyToInvestor')}
            testId="official-reply"
            errors={errors.reply ?? []}
            onSubmit={() => run('reply')(post({ input: { caseId: c.id, body: text['reply.body'] ?? '' } }))}
          >
            <TextAreaField label={t('investorServices.reply')} rows={3} {...field('reply.body')} />
          </ActionForm>
        ) : null}
        <ActionForm
          title={t('investorServices.addNote')}
          testId="internal-note-form"
          errors={errors.note ?? []}
          onSubmit={() => run('note')(post({ input: { caseId: c.id, body: text['note.body'] ?? '', internal: true } }))}
        >
          <TextAreaField label={t('investorServices.writeInternal')} rows={2} {...field('note.body')} />
        </ActionForm>
        {complaintDecision && c.status === 'SUBMITTED' ? (
          <ActionForm
            title={t('investorServices.accept')}
            testId="accept"
            errors={errors.accept ?? []}
            onSubmit={() => run('accept')(accept({ input: { id: c.id, note: text['accept.note'] || null } }))}
          >
            <TextField label={t('investorServices.note')} {...field('accept.note')} />
          </ActionForm>
        ) : null}
        {complaintDecision ? (
          <ActionForm
            title={t('investorServices.decline')}
            testId="decline"
            errors={errors.decline ?? []}
            onSubmit={() =>
              run('decline')(
                decline({
                  input: {
                    id: c.id,
                    reason: (text['decline.reason'] || null) as never,
                    note: text['decline.note'] || null,
                    competentOffice: text['decline.office'] || null,
                  },
                }),
              )
            }
          >
            <SelectField
              label={t('investorServices.declineReason')}
              placeholder={t('investorServices.chooseReason')}
              options={reasons.map((r) => ({ value: r, label: t(`investorServices.declineReasons.${r}`) }))}
              {...field('decline.reason')}
            />
            <TextField label={t('investorServices.competentOffice')} {...field('decline.office')} />
            <TextAreaField label={t('investorServices.note')} rows={2} {...field('decline.note')} />
          </ActionForm>
        ) : null}
        {resolvable && !c.extendedResolveBy ? (
          <ActionForm
            title={t('investorServices.extend')}
            testId="extend"
            errors={errors.extend ?? []}
            onSubmit={() =>
              run('extend')(
                extend({
                  input: { id: c.id, newResolveBy: text['extend.date'] ?? '', reason: text['extend.reason'] ?? '' },
                }),
              )
            }
          >
            <TextField type="date" label={t('investorServices.newDate')} {...field('extend.date')} />
            <TextField label={t('investorServices.reason')} {...field('extend.reason')} />
          </ActionForm>
        ) : null}
        {resolvable ? (
          <ActionForm
            title={t('investorServices.resolve')}
            testId="resolve"
            errors={errors.resolve ?? []}
            onSubmit={() =>
              run('resolve')(
                resolve({
                  input: {
                    id: c.id,
                    outcome: (text['resolve.outcome'] || outcomes[0]) as never,
                    summary: text['resolve.summary'] ?? '',
                  },
                }),
              )
            }
          >
            <SelectField
              label={t('investorServices.outcome')}
              options={outcomes.map((o) => ({ value: o, label: t(`investorServices.outcomes.${o}`) }))}
              {...field('resolve.outcome')}
            />
            <TextAreaField label={t('investorServices.summary')} rows={3} {...field('resolve.summary')} />
          </ActionForm>
        ) : null}
        {c.status === 'RESOLVED' ? (
          <ActionForm
            title={t('investorServices.publishTypical')}
            testId="publish-typical"
            errors={errors.publish ?? []}
            onSubmit={() =>
              run('publish')(
                publish({
                  input: { caseId: c.id, title: text['publish.title'] ?? '', summary: text['publish.summary'] ?? '' },
                }),
              )
            }
          >
            <TextField label={t('investorServices.typicalTitle')} {...field('publish.title')} />
            <TextAreaField label={t('investorServices.typicalSummary')} rows={4} {...field('publish.summary')} />
          </ActionForm>
        ) : null}
        {open ? (
          <ActionForm
            title={t('investorServices.refer')}
            testId="refer"
            errors={errors.refer ?? []}
            onSubmit={() =>
              run('refer')(
                refer({
                  input: { id: c.id, competentOffice: text['refer.office'] ?? '', note: text['refer.note'] || null },
                }),
              )
            }
          >
            <TextField label={t('investorServices.competentOffice')} {...field('refer.office')} />
            <TextField label={t('investorServices.note')} {...field('refer.note')} />
          </ActionForm>
        ) : null}
      </div>
    </section>
  );
}

export function DeskCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServiceCaseDocument, variables: { id } });
  const { serviceCase } = useLiveCase(data?.serviceCase);
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!serviceCase) return <EmptyState>{t('investorServices.noCases')}</EmptyState>;
  const c = serviceCase;
  return (
    <Page title={`${c.number} · ${c.subject}`} wide>
      <CaseFacts serviceCase={c} />
      {!c.viewerIsHandler && c.confidentialKinds.length ? <p>{t('investorServices.confidentialHidden')}</p> : null}
      <AttachmentList serviceCase={c} />
      {c.decision ? <p data-testid="decision">{c.decision.notice}</p> : null}
      <section className="section" aria-labelledby="messages">
        <h2 id="messages">{t('investorServices.messages')}</h2>
        <Messages serviceCase={c} official />
      </section>
      <DeskActions c={c} />
    </Page>
  );
}
