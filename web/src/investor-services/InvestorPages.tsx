import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  MyServiceCasesDocument,
  PostCaseMessageDocument,
  RateServiceCaseDocument,
  ServiceCaseCategoriesDocument,
  ServiceCaseDocument,
  SubmitServiceCaseDocument,
  SupplyServiceCaseMaterialsDocument,
  TypicalCasesDocument,
  WithdrawServiceCaseDocument,
  type ServiceCaseKind,
} from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useSession } from '../session/SessionProvider';
import { useViewer } from '../session/useViewer';
import { AttachmentList, BASE, CaseFacts, CaseStatus, Deadline, Messages, useLiveCase } from './shared';

export function InvestorHomePage() {
  const { t } = useTranslation();
  const { user } = useViewer();
  return (
    <Page title={t('investorServices.title')} intro={t('investorServices.intro')}>
      <p className="actions">
        {user?.role === 'APPLICANT' ? (
          <Link className="button button--primary" to={`${BASE}/new`}>
            {t('investorServices.newCase')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`${BASE}/typical`}>
          {t('investorServices.typicalCases')}
        </Link>
        {user?.role === 'OFFICIAL' && user.department === 'COMMERCE' ? (
          <Link className="button button--secondary" to={`${BASE}/desk`}>
            {t('investorServices.desk')}
          </Link>
        ) : null}
      </p>
      {user?.role === 'APPLICANT' ? <MyCases /> : null}
    </Page>
  );
}

function MyCases() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyServiceCasesDocument,
    variables: { first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.myServiceCases.edges.map((e) => e.node) ?? [];
  return (
    <section className="section" aria-labelledby="my-cases">
      <h2 id="my-cases">{t('investorServices.myCases')}</h2>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('investorServices.noCases')}</EmptyState> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table data-testid="my-cases">
            <thead>
              <tr>
                <th scope="col">{t('investorServices.number')}</th>
                <th scope="col">{t('investorServices.subject')}</th>
                <th scope="col">{t('investorServices.status')}</th>
                <th scope="col">{t('investorServices.acceptBy')}</th>
                <th scope="col">{t('investorServices.resolveBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`${BASE}/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link>
                  </th>
                  <td>{c.subject}</td>
                  <td>
                    <CaseStatus status={c.status} />
                  </td>
                  <td>
                    <Deadline day={c.acceptBy} overdue={c.overdue && c.status === 'SUBMITTED'} />
                  </td>
                  <td>
                    <Deadline
                      day={c.extendedResolveBy ?? c.resolveBy}
                      overdue={c.overdue && c.status !== 'SUBMITTED'}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

interface Uploaded {
  id: string;
  name: string;
}

const FIELDS = [
  'kind',
  'category',
  'subject',
  'body',
  'language',
  'respondent',
  'respondentContact',
  'administrativeAct',
  'request',
  'inReconsiderationOrLitigation',
  'confidentialDetails',
  'confidentialKinds',
  'attachmentIds',
];

export function SubmitCasePage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { token } = useSession();
  const navigate = useNavigate();
  const [{ data: categories }] = useQuery({ query: ServiceCaseCategoriesDocument });
  const [kind, setKind] = useState<ServiceCaseKind>('CONSULTATION');
  const [form, setForm] = useState<Record<string, string>>({ language: language === 'en' ? 'EN' : 'ZH_CN' });
  const [inLitigation, setInLitigation] = useState(false);
  const [secretKinds, setSecretKinds] = useState<string[]>([]);
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<GroupedUserErrors>({ byField: {}, general: [] });
  const [{ fetching }, submit] = useMutation(SubmitServiceCaseDocument);
  const set = (name: string) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: event.target.value }));

  const upload = async (list: FileList | null) => {
    if (!list) return;
    setUploading(true);
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      const body = new FormData();
      body.append('file', file, file.name);
      const response = await fetch('/uploads', {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${token ?? ''}`, 'accept-language': language },
      });
      const answer = (await response.json()) as { id?: string; name?: string; error?: { message: string } };
      if (response.ok && answer.id) setFiles((f) => [...f, { id: answer.id!, name: answer.name! }]);
      else problems.push(t('investorServices.uploadFailed', { name: file.name, message: answer.error?.message ?? '' }));
    }
    setUploading(false);
    setErrors({ byField: problems.length ? { attachmentIds: problems } : {}, general: [] });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const complaint = kind === 'COMPLAINT';
    const result = await submit({
      input: {
        kind,
        category: form.category ?? '',
        subject: form.subject ?? '',
        body: form.body ?? '',
        language: (form.language ?? 'EN') as 'EN' | 'ZH_CN',
        respondent: complaint ? (form.respondent ?? null) : null,
        respondentContact: complaint ? form.respondentContact || null : null,
        administrativeAct: complaint ? (form.administrativeAct ?? null) : null,
        request: complaint ? (form.request ?? null) : null,
        inReconsiderationOrLitigation: complaint ? inLitigation : null,
        confidentialDetails: form.confidentialDetails || null,
        confidentialKinds: form.confidentialDetails
          ? (secretKinds as ('TRADE_SECRET' | 'PERSONAL_INFORMATION')[])
          : null,
        attachmentIds: files.map((f) => f.id),
      },
    });
    const payload = result.data?.submitServiceCase;
    if (payload?.userErrors.length) {
      setErrors(groupUserErrors(payload.userErrors, FIELDS));
      return;
    }
    if (payload?.serviceCase) navigate(`${BASE}/cases/${encodeURIComponent(payload.serviceCase.id)}?submitted=1`);
  };

  const kindOptions = (['CONSULTATION', 'COMPLAINT', 'SUGGESTION'] as const).map((value) => ({
    value,
    label: t(`investorServices.kinds.${value}`),
  }));
  return (
    <Page title={t('investorServices.newCase')} intro={t('investorServices.intro')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="submit-case">
        <FormErrors messages={errors.general} />
        <SelectField
          label={t('investorServices.kind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ServiceCaseKind)}
          options={kindOptions}
          errors={errors.byField.kind}
          required
        />
        <SelectField
          label={t('investorServices.category')}
          name="category"
          value={form.category ?? ''}
          onChange={set('category')}
          options={(categories?.serviceCaseCategories ?? []).map((c) => ({ value: c.code, label: c.label }))}
          placeholder="—"
          errors={errors.byField.category}
          required
        />
        <SelectField
          label={t('investorServices.language')}
          name="language"
          value={form.language ?? 'EN'}
          onChange={set('language')}
          options={[
            { value: 'EN', label: t('investorServices.languages.EN') },
            { value: 'ZH_CN', label: t('investorServices.languages.ZH_CN') },
          ]}
          required
        />
        <TextField
          label={t('investorServices.subject')}
          name="subject"
          value={form.subject ?? ''}
          onChange={set('subject')}
          errors={errors.byField.subject}
          required
        />
        <TextAreaField
          label={t('investorServices.body')}
          hint={t('investorServices.bodyHint')}
          name="body"
          value={form.body ?? ''}
          onChange={set('body')}
          errors={errors.byField.body}
          rows={6}
          required
        />
        {kind === 'COMPLAINT' ? (
          <fieldset className="fieldset">
            <legend>{t('investorServices.kinds.COMPLAINT')}</legend>
            <TextField
              label={t('investorServices.respondent')}
              name="respondent"
              value={form.respondent ?? ''}
              onChange={set('respondent')}
              errors={errors.byField.respondent}
              required
            />
            <TextField
              label={t('investorServices.respondentContact')}
              name="respondentContact"
              value={form.respondentContact ?? ''}
              onChange={set('respondentContact')}
            />
            <TextAreaField
              label={t('investorServices.administrativeAct')}
              name="administrativeAct"
              value={form.administrativeAct ?? ''}
              onChange={set('administrativeAct')}
              errors={errors.byField.administrativeAct}
              required
            />
            <TextAreaField
              label={t('investorServices.request')}
              name="request"
              value={form.request ?? ''}
              onChange={set('request')}
              errors={errors.byField.request}
              required
            />
            <CheckboxField
              label={t('investorServices.inLitigation')}
              name="inReconsiderationOrLitigation"
              checked={inLitigation}
              onChange={(e) => setInLitigation(e.target.checked)}
              errors={errors.byField.inReconsiderationOrLitigation}
            />
          </fieldset>
        ) : null}
        <TextAreaField
          label={t('investorServices.confidentialDetails')}
          hint={t('investorServices.confidentialHint')}
          name="confidentialDetails"
          value={form.confidentialDetails ?? ''}
          onChange={set('confidentialDetails')}
          errors={errors.byField.confidentialDetails}
          rows={3}
        />
        {form.confidentialDetails ? (
          <fieldset className="fieldset">
            {(['TRADE_SECRET', 'PERSONAL_INFORMATION'] as const).map((k) => (
              <CheckboxField
                key={k}
                label={
                  k === 'TRADE_SECRET' ? t('investorServices.tradeSecret') : t('investorServices.personalInformation')
                }
                name={`confidential-${k}`}
                checked={secretKinds.includes(k)}
                onChange={(e) => setSecretKinds((s) => (e.target.checked ? [...s, k] : s.filter((x) => x !== k)))}
                errors={k === 'TRADE_SECRET' ? errors.byField.confidentialKinds : undefined}
              />
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="attachments">
            {t('investorServices.attachments')}
          </label>
          <p className="field__hint">{t('investorServices.attachmentsHint')}</p>
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => void upload(e.target.files)}
          />
          {uploading ? <Loading label={t('investorServices.uploading')} /> : null}
          <FormErrors messages={errors.byField.attachmentIds ?? []} />
          <ul data-testid="uploaded-files">
            {files.map((f) => (
              <li key={f.id}>
                {f.name}{' '}
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
                >
                  {t('investorServices.remove')}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" className="button button--primary" disabled={fetching || uploading}>
          {t('investorServices.submit')}
        </button>
      </form>
    </Page>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServiceCaseDocument, variables: { id } });
  const { serviceCase, announcement } = useLiveCase(data?.serviceCase);
  const justSubmitted = new URLSearchParams(window.location.search).has('submitted');
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!serviceCase) return <EmptyState>{t('investorServices.noCases')}</EmptyState>;
  const c = serviceCase;
  return (
    <Page title={c.subject}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {justSubmitted ? <Notice kind="success">{t('investorServices.submitted')}</Notice> : null}
      <section className="section" aria-labelledby="ack">
        <h2 id="ack">{t('investorServices.acknowledgement')}</h2>
        <p data-testid="acknowledgement">{c.acknowledgement}</p>
      </section>
      <CaseFacts serviceCase={c} />
      <AttachmentList serviceCase={c} />
      {c.materialsRequest && c.status === 'MATERIALS_REQUESTED' ? (
        <SupplyMaterials id={c.id} request={c.materialsRequest} />
      ) : null}
      {c.decision ? (
        <section className="section" aria-labelledby="decision">
          <h2 id="decision">{t('investorServices.decision')}</h2>
          <p data-testid="decision">{c.decision.notice}</p>
          {c.decision.note ? <p className="prewrap">{c.decision.note}</p> : null}
        </section>
      ) : null}
      {c.resolution ? (
        <section className="section" aria-labelledby="resolution">
          <h2 id="resolution">{t('investorServices.resolution')}</h2>
          <p>
            <strong>{t(`investorServices.outcomes.${c.resolution.outcome}`)}</strong>
            {c.resolution.competentOffice ? ` — ${c.resolution.competentOffice}` : ''}
          </p>
          {c.resolution.summary ? <p className="prewrap">{c.resolution.summary}</p> : null}
        </section>
      ) : null}
      {c.status === 'RESOLVED' ? <Rating id={c.id} rating={c.rating} /> : null}
      <section className="section" aria-labelledby="messages">
        <h2 id="messages">{t('investorServices.messages')}</h2>
        <Messages serviceCase={c} official={false} />
        {['SUBMITTED', 'MATERIALS_REQUESTED', 'ACCEPTED', 'RESOLVED'].includes(c.status) ? <Reply id={c.id} /> : null}
      </section>
      {['SUBMITTED', 'MATERIALS_REQUESTED', 'ACCEPTED'].includes(c.status) ? <Withdraw id={c.id} /> : null}
    </Page>
  );
}

function Reply({ id }: { id: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, post] = useMutation(PostCaseMessageDocument);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const result = await post({ input: { caseId: id, body, confidential } });
    const problems = result.data?.postCaseMessage.userErrors ?? [];
    setErrors(problems.map((p) => p.message));
    if (!problems.length && result.data) setBody('');
  };
  return (
    <form onSubmit={(e) => void send(e)} data-testid="reply">
      <FormErrors messages={errors} />
      <TextAreaField
        label={t('investorServices.reply')}
        name="reply"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
      />
      <CheckboxField
        label={t('investorServices.markConfidential')}
        name="confidential"
        checked={confidential}
        onChange={(e) => setConfidential(e.target.checked)}
      />
      <button type="submit" className="button button--primary" disabled={fetching || !body.trim()}>
        {t('investorServices.send')}
      </button>
    </form>
  );
}

function SupplyMaterials({ id, request }: { id: string; request: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, supply] = useMutation(SupplyServiceCaseMaterialsDocument);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const result = await supply({ input: { id, body } });
    setErrors(result.data?.supplyServiceCaseMaterials.userErrors.map((p) => p.message) ?? []);
  };
  return (
    <section className="section" aria-labelledby="materials">
      <h2 id="materials">{t('investorServices.materialsRequested')}</h2>
      <p className="prewrap">{request}</p>
      <form onSubmit={(e) => void send(e)}>
        <FormErrors messages={errors} />
        <TextAreaField
          label={t('investorServices.supplyMaterials')}
          name="materials"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
        />
        <button type="submit" className="button button--primary" disabled={fetching || !body.trim()}>
          {t('investorServices.send')}
        </button>
      </form>
    </section>
  );
}

function Rating({ id, rating }: { id: string; rating: { score: number; comment?: string | null } | null | undefined }) {
  const { t } = useTranslation();
  const [score, setScore] = useState('5');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, rate] = useMutation(RateServiceCaseDocument);
  if (rating) return <p data-testid="rated">{t('investorServices.rated', { score: rating.score })}</p>;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rate({ input: { id, score: Number(score), comment: comment || null } });
    setErrors(result.data?.rateServiceCase.userErrors.map((p) => p.message) ?? []);
  };
  return (
    <section className="section" aria-labelledby="rate">
      <h2 id="rate">{t('investorServices.rate')}</h2>
      <form onSubmit={(e) => void send(e)}>
        <FormErrors messages={errors} />
        <SelectField
          label={t('investorServices.score')}
          name="score"
          value={score}
          onChange={(e) => setScore(e.target.value)}
          options={['5', '4', '3', '2', '1'].map((v) => ({ value: v, label: v }))}
        />
        <TextField
          label={t('investorServices.comment')}
          name="comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('investorServices.sendRating')}
        </button>
      </form>
    </section>
  );
}

function Withdraw({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ fetching }, withdraw] = useMutation(WithdrawServiceCaseDocument);
  return (
    <p>
      <button
        type="button"
        className="button button--danger"
        disabled={fetching}
        onClick={() => void withdraw({ input: { id } })}
      >
        {t('investorServices.withdraw')}
      </button>
    </p>
  );
}

export function TypicalCasesPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [{ data, fetching, error }] = useQuery({
    query: TypicalCasesDocument,
    variables: { first: 50, filter: applied ? { search: applied } : null },
  });
  const rows = data?.typicalCases.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('investorServices.typicalCases')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(search.trim());
        }}
        role="search"
      >
        <TextField
          label={t('investorServices.searchTypical')}
          name="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('investorServices.search')}
        </button>
      </form>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('investorServices.noTypical')}</EmptyState> : null}
      <ul className="stack" data-testid="typical-cases">
        {rows.map((r) => (
          <li key={r.id} className="card">
            <h2 className="card__title">{r.title}</h2>
            <p className="card__meta">
              {t(`investorServices.kinds.${r.kind}`)} · {t(`investorServices.outcomes.${r.outcome}`)} ·{' '}
              {formatDate(r.publishedAt.slice(0, 10), language)}
            </p>
            <p className="prewrap">{r.summary}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
