import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { MyEnterprisesForFinancingDocument, PublishFinancingDemandDocument } from '../gql/graphql';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingOptions, formatExactAmount, formatLoanAmount } from './format';
import {
  checkDemandForm,
  DEMAND_FIELDS,
  emptyDemandForm,
  toDemandInput,
  type DemandForm,
  type FormProblems,
} from './forms';
import { newIdempotencyKey, NO_SERVER_ERRORS, useFieldErrors } from './parts';

/** An applicant publishes a financing demand for an enterprise it acts for. */
export function DemandFormPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: MyEnterprisesForFinancingDocument });
  const enterprises = data?.myEnterprises.edges.map((edge) => edge.node).filter((e) => e.status === 'ACTIVE') ?? [];
  const [form, setForm] = useState<DemandForm>(emptyDemandForm());
  const [problems, setProblems] = useState<FormProblems>({});
  const [serverErrors, setServerErrors] = useState<GroupedUserErrors>(NO_SERVER_ERRORS);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [{ fetching: publishing, error: publishError }, publish] = useMutation(PublishFinancingDemandDocument);
  const errorsAt = useFieldErrors(problems, serverErrors);

  useEffect(() => {
    if (!form.enterpriseId && enterprises.length === 1) setForm((f) => ({ ...f, enterpriseId: enterprises[0]!.id }));
  }, [enterprises, form.enterpriseId]);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;

  const update = (patch: Partial<DemandForm>) => setForm({ ...form, ...patch });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDemandForm(form);
    setProblems(found);
    setServerErrors(NO_SERVER_ERRORS);
    if (Object.keys(found).length) {
      const first = document.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`);
      first?.focus();
      return;
    }
    const result = await publish({ input: toDemandInput(form, idempotencyKey) });
    const payload = result.data?.publishFinancingDemand;
    if (!payload) return;
    if (payload.userErrors.length || !payload.demand) {
      setServerErrors(groupUserErrors(payload.userErrors, DEMAND_FIELDS));
      return;
    }
    navigate(`/financing/demands/${encodeURIComponent(payload.demand.id)}`, { state: { published: true } });
  };

  const amountEcho =
    /^\d+(\.\d{1,2})?$/.test(form.amount.trim()) && Number(form.amount) > 0
      ? `${formatLoanAmount({ amount: form.amount.trim(), currency: 'CNY' }, language)} · ${formatExactAmount(
          { amount: form.amount.trim(), currency: 'CNY' },
          language,
        )}`
      : null;

  return (
    <Page title={t('financing.demands.newTitle')} intro={t('financing.demands.newIntro')}>
      <p>
        <Link to="/financing/demands">{t('financing.demands.back')}</Link>
      </p>
      {enterprises.length === 0 ? (
        <EmptyState>{t('financing.demands.noEnterprise')}</EmptyState>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate data-testid="demand-form">
          <FormErrors messages={serverErrors.general} />
          {publishError ? <ErrorNotice error={publishError} /> : null}
          <SelectField
            label={t('financing.fields.enterprise')}
            name="enterpriseId"
            required
            value={form.enterpriseId}
            placeholder={t('common.choose')}
            options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
            errors={errorsAt('enterpriseId')}
            onChange={(event) => update({ enterpriseId: event.target.value })}
          />
          <div className="form__row">
            <TextField
              label={t('financing.fields.amount')}
              hint={amountEcho ?? t('financing.fields.amountHint')}
              name="amount"
              inputMode="decimal"
              required
              value={form.amount}
              errors={errorsAt('amount')}
              onChange={(event) => update({ amount: event.target.value })}
            />
            <TextField
              label={t('financing.fields.termMonths')}
              name="termMonths"
              inputMode="numeric"
              required
              value={form.termMonths}
              errors={errorsAt('termMonths')}
              onChange={(event) => update({ termMonths: event.target.value })}
            />
          </div>
          <div className="form__row">
            <SelectField
              label={t('financing.fields.purpose')}
              name="purpose"
              required
              value={form.purpose}
              placeholder={t('common.choose')}
              options={financingOptions(t, 'FinancingPurpose')}
              errors={errorsAt('purpose')}
              onChange={(event) => update({ purpose: event.target.value as DemandForm['purpose'] })}
            />
            <SelectField
              label={t('financing.fields.guaranteeType')}
              name="guaranteeType"
              required
              value={form.guaranteeType}
              placeholder={t('common.choose')}
              options={financingOptions(t, 'GuaranteeType')}
              errors={errorsAt('guaranteeType')}
              onChange={(event) => update({ guaranteeType: event.target.value as DemandForm['guaranteeType'] })}
            />
          </div>
          <TextAreaField
            label={t('financing.fields.collateral')}
            name="collateral"
            rows={2}
            value={form.collateral}
            errors={errorsAt('collateral')}
            onChange={(event) => update({ collateral: event.target.value })}
          />
          <div className="form__row">
            <TextField
              label={t('financing.fields.maxAnnualRate')}
              hint={t('financing.fields.maxAnnualRateHint')}
              name="maxAnnualRate"
              inputMode="decimal"
              value={form.maxAnnualRate}
              errors={errorsAt('maxAnnualRate')}
              onChange={(event) => update({ maxAnnualRate: event.target.value })}
            />
            <TextField
              label={t('financing.fields.desiredOn')}
              name="desiredOn"
              type="date"
              value={form.desiredOn}
              errors={errorsAt('desiredOn')}
              onChange={(event) => update({ desiredOn: event.target.value })}
            />
            <TextField
              label={t('financing.fields.industry')}
              hint={t('financing.fields.industryHint')}
              name="industry"
              value={form.industry}
              errors={errorsAt('industry')}
              onChange={(event) => update({ industry: event.target.value })}
            />
          </div>
          <fieldset className="form__section">
            <legend>{t('financing.fields.contactTitle')}</legend>
            <div className="form__row">
              <TextField
                label={t('financing.fields.contactName')}
                name="contact.name"
                autoComplete="name"
                required
                value={form.contactName}
                errors={errorsAt('contact.name')}
                onChange={(event) => update({ contactName: event.target.value })}
              />
              <TextField
                label={t('financing.fields.contactPhone')}
                name="contact.phone"
                type="tel"
                autoComplete="tel"
                required
                value={form.contactPhone}
                errors={errorsAt('contact.phone')}
                onChange={(event) => update({ contactPhone: event.target.value })}
              />
              <TextField
                label={t('financing.fields.contactEmail')}
                name="contact.email"
                type="email"
                autoComplete="email"
                value={form.contactEmail}
                errors={errorsAt('contact.email')}
                onChange={(event) => update({ contactEmail: event.target.value })}
              />
              <TextField
                label={t('financing.fields.contactIdNumber')}
                name="contact.idNumber"
                autoComplete="off"
                value={form.contactIdNumber}
                errors={errorsAt('contact.idNumber')}
                onChange={(event) => update({ contactIdNumber: event.target.value })}
              />
            </div>
            <CheckboxField
              label={t('financing.fields.contactConsent')}
              hint={t('financing.fields.contactConsentHint')}
              name="contactConsent"
              checked={form.contactConsent}
              errors={errorsAt('contactConsent')}
              onChange={(event) => update({ contactConsent: event.target.checked })}
            />
          </fieldset>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={publishing}>
              {t('financing.demands.publish')}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
