import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  MyNameReservationsDocument,
  RegistrationApplicationDocument,
  RegistrationCommitmentTermsDocument,
  SaveRegistrationDraftDocument,
  SubmitRegistrationApplicationDocument,
  type ApplicationFieldsFragment,
  type EnterpriseKind,
  type District,
  type Zone,
  type IdDocumentType,
  type InvestorKind,
  type ContributionForm,
  type OfficerPosition,
  type UserErrorFieldsFragment,
} from '../gql/graphql';
import { enumLabel, enumOptions } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { CorrectionNoticeView } from './CorrectionNoticeView';
import {
  emptyForm,
  emptyInvestor,
  emptyOfficer,
  formFieldKeys,
  fromDeclaration,
  STEPS,
  stepOf,
  toDeclarationInput,
  type DeclarationForm,
} from './declarationForm';

const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

function Section({ title, notes, children }: { title: string; notes?: readonly string[]; children: ReactNode }) {
  return (
    <fieldset className="form__section">
      <legend>{title}</legend>
      {notes?.length ? (
        <div className="section-notes" role="note">
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}

/**
 * The establishment application in four steps: the business, its place and capital, its people,
 * then the credit commitment and submission. Saves drafts; shows the API's userErrors and an
 * official's correction notice at the fields they name; resubmits a corrected application.
 */
export function ApplicationFormPage() {
  const { t, i18n } = useTranslation();
  const { language } = usePreferences();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const [applicationId, setApplicationId] = useState<string | null>(params.id ?? null);
  const [reservationId, setReservationId] = useState(search.get('reservation') ?? '');
  const [form, setForm] = useState<DeclarationForm | null>(params.id ? null : emptyForm());
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [signatory, setSignatory] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const [{ data: loaded, fetching: loading, error: loadError }] = useQuery({
    query: RegistrationApplicationDocument,
    variables: { id: params.id ?? '' },
    pause: !params.id,
  });
  const application: ApplicationFieldsFragment | null | undefined = loaded?.registrationApplication;
  const [{ data: reservationsData }] = useQuery({
    query: MyNameReservationsDocument,
    variables: { first: 50 },
    pause: Boolean(params.id),
  });
  const reservations =
    reservationsData?.myNameReservations.edges.map((edge) => edge.node).filter((r) => r.status === 'RESERVED') ?? [];
  const [{ data: termsData }] = useQuery({
    query: RegistrationCommitmentTermsDocument,
    variables: { kind: application?.kind ?? 'ESTABLISHMENT' },
  });
  const terms = termsData?.registrationCommitmentTerms;
  const [{ fetching: saving, error: saveError }, saveDraft] = useMutation(SaveRegistrationDraftDocument);
  const [{ fetching: submitting, error: submitError }, submitApplication] = useMutation(
    SubmitRegistrationApplicationDocument,
  );

  useEffect(() => {
    if (application && form === null) setForm(fromDeclaration(application.declaration));
  }, [application, form]);

  // A chosen reservation fills in what the application must repeat (its kind, district, …).
  const reservation = reservations.find((r) => r.id === reservationId);
  useEffect(() => {
    if (!reservation) return;
    setForm((current) =>
      current
        ? {
            ...current,
            kind: current.kind || reservation.kind,
            district: current.district || reservation.district,
            foreignInvested: current.foreignInvested || reservation.foreignInvested,
            industry: current.industry || reservation.industry?.code || '',
          }
        : current,
    );
  }, [reservation]);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  if (params.id && loading && !application) return <Loading />;
  if (loadError && !application) return <ErrorNotice error={loadError} />;
  if (params.id && !application) return <Page title={t('common.notFoundTitle')} intro={t('errors.NOT_FOUND')} />;
  if (!form) return <Loading />;
  if (application && application.status !== 'DRAFT' && application.status !== 'CORRECTION_REQUESTED') {
    return (
      <Page title={t('registration.applicationTitle', { number: application.number })}>
        <Notice>{t('registration.notEditable')}</Notice>
        <Link to={`/applications/${encodeURIComponent(application.id)}`}>{t('registration.viewApplication')}</Link>
      </Page>
    );
  }

  const correcting = application?.status === 'CORRECTION_REQUESTED' ? application.correctionNotice : null;
  const keys = formFieldKeys(form);
  const corrections = correcting
    ? groupUserErrors(
        correcting.items.map((item) => ({ code: 'CORRECTION', field: item.field, message: item.message })),
        keys,
      )
    : NO_ERRORS;
  const at = (key: string): string[] | undefined => {
    const all = [...(errors.byField[key] ?? []), ...(corrections.byField[key] ?? [])];
    return all.length ? all : undefined;
  };
  const update = (patch: Partial<DeclarationForm>) => setForm({ ...form, ...patch });

  const showProblems = (userErrors: readonly UserErrorFieldsFragment[]) => {
    const grouped = groupUserErrors(userErrors, keys);
    setErrors(grouped);
    const steps = Object.keys(grouped.byField)
      .map(stepOf)
      .filter((s) => s >= 0);
    if (steps.length) setStep(Math.min(...steps));
  };

  const save = async (): Promise<string | null> => {
    setSavedAt(null);
    const result = await saveDraft({
      input: {
        ...(applicationId
          ? { id: applicationId }
          : { kind: 'ESTABLISHMENT' as const, nameReservationId: reservationId || null }),
        declaration: toDeclarationInput(form),
      },
    });
    const payload = result.data?.saveRegistrationDraft;
    if (!payload) return null;
    if (payload.userErrors.length || !payload.application) {
      showProblems(payload.userErrors);
      return null;
    }
    setErrors(NO_ERRORS);
    setApplicationId(payload.application.id);
    setSavedAt(new Date().toISOString());
    if (!params.id) navigate(`/applications/${encodeURIComponent(payload.application.id)}/edit`, { replace: true });
    return payload.application.id;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (step < STEPS.length - 1) {
      setStep(step + 1);
      return;
    }
    const id = await save();
    if (!id || !terms) return;
    const result = await submitApplication({
      input: { id, commitment: { termsVersion: terms.version, accepted, signatoryName: signatory.trim() } },
    });
    const payload = result.data?.submitRegistrationApplication;
    if (!payload) return;
    if (payload.userErrors.length || !payload.application) {
      showProblems(payload.userErrors);
      return;
    }
    navigate(`/applications/${encodeURIComponent(payload.application.id)}`, { state: { submitted: true } });
  };

  const stepTitle = (index: number) => t(`registration.steps.${STEPS[index]!.key}`);
  const termsText = terms ? (i18n.language === 'en' ? terms.textEn : terms.textZh) : '';

  return (
    <Page
      title={application ? t('registration.editTitle', { number: application.number }) : t('registration.newTitle')}
      intro={t('registration.formIntro')}
    >
      {correcting ? <CorrectionNoticeView notice={correcting} /> : null}
      <nav aria-label={t('registration.stepsLabel')} className="steps">
        <ol>
          {STEPS.map((s, index) => (
            <li key={s.key}>
              <button
                type="button"
                className={`steps__button${index === step ? ' steps__button--current' : ''}`}
                aria-current={index === step ? 'step' : undefined}
                onClick={() => setStep(index)}
              >
                <span className="steps__number">{index + 1}</span> {stepTitle(index)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <form className="form" onSubmit={onSubmit} noValidate>
        <h2 ref={heading} tabIndex={-1} className="form__step-title">
          {t('registration.stepHeading', { step: step + 1, total: STEPS.length, title: stepTitle(step) })}
        </h2>
        <FormErrors messages={errors.general} />
        {saveError ? <ErrorNotice error={saveError} /> : null}
        {submitError ? <ErrorNotice error={submitError} /> : null}
        {savedAt ? <Notice kind="success">{t('registration.draftSaved')}</Notice> : null}

        {step === 0 ? (
          <>
            {application ? (
              <p>
                <strong>{t('registration.items.name')}:</strong>{' '}
                {application.declaration.name ?? t('registration.noName')}
              </p>
            ) : (
              <SelectField
                label={t('registration.reservation')}
                hint={t('registration.reservationHint')}
                name="nameReservationId"
                required
                value={reservationId}
                placeholder={t('common.choose')}
                options={reservations.map((r) => ({
                  value: r.id,
                  label: `${r.name} (${enumLabel(t, 'District', r.district)})`,
                }))}
                onChange={(event) => setReservationId(event.target.value)}
                errors={at('nameReservationId') ?? at('declaration.name')}
              />
            )}
            <SelectField
              label={t('registration.items.kind')}
              name="kind"
              required
              value={form.kind}
              placeholder={t('common.choose')}
              options={enumOptions(t, 'EnterpriseKind')}
              onChange={(event) => update({ kind: event.target.value as EnterpriseKind | '' })}
              errors={at('declaration.kind')}
            />
            <TextField
              label={t('registration.items.industry')}
              hint={t('names.industryCodeHint')}
              name="industry"
              required
              value={form.industry}
              onChange={(event) => update({ industry: event.target.value })}
              errors={at('declaration.industry')}
            />
            <CheckboxField
              label={t('registration.items.foreignInvested')}
              name="foreignInvested"
              checked={form.foreignInvested}
              onChange={(event) => update({ foreignInvested: event.target.checked })}
              errors={at('declaration.foreignInvested')}
            />
            <TextAreaField
              label={t('registration.items.businessScope')}
              name="businessScope"
              required
              rows={3}
              value={form.businessScope}
              onChange={(event) => update({ businessScope: event.target.value })}
              errors={at('declaration.businessScope')}
            />
          </>
        ) : null}

        {step === 1 ? (
          <>
            <Section title={t('registration.items.registeredAddress')} notes={at('declaration.registeredAddress')}>
              <SelectField
                label={t('names.district')}
                name="district"
                required
                value={form.district}
                placeholder={t('common.choose')}
                options={enumOptions(t, 'District')}
                onChange={(event) => update({ district: event.target.value as District | '' })}
                errors={at('declaration.registeredAddress.district')}
              />
              <TextField
                label={t('registration.address')}
                name="address"
                required
                autoComplete="street-address"
                value={form.address}
                onChange={(event) => update({ address: event.target.value })}
                errors={at('declaration.registeredAddress.address')}
              />
              <div className="form__row">
                <SelectField
                  label={t('registration.zone')}
                  name="zone"
                  value={form.zone}
                  options={enumOptions(t, 'Zone')}
                  onChange={(event) => update({ zone: event.target.value as Zone })}
                  errors={at('declaration.registeredAddress.zone')}
                />
                <TextField
                  label={t('registration.postalCode')}
                  name="postalCode"
                  inputMode="numeric"
                  autoComplete="postal-code"
                  value={form.postalCode}
                  onChange={(event) => update({ postalCode: event.target.value })}
                  errors={at('declaration.registeredAddress.postalCode')}
                />
              </div>
            </Section>
            <TextField
              label={t('registration.capitalYuan')}
              hint={t('registration.capitalHint')}
              name="registeredCapital"
              inputMode="decimal"
              value={form.registeredCapital}
              onChange={(event) => update({ registeredCapital: event.target.value })}
              errors={at('declaration.registeredCapital')}
            />
            <Section title={t('registration.items.operatingTerm')} notes={at('declaration.operatingTerm')}>
              <CheckboxField
                label={t('registration.longTerm')}
                name="longTerm"
                checked={form.longTerm}
                onChange={(event) =>
                  update({ longTerm: event.target.checked, endsOn: event.target.checked ? '' : form.endsOn })
                }
              />
              {form.longTerm ? null : (
                <TextField
                  label={t('registration.endsOn')}
                  type="date"
                  name="endsOn"
                  value={form.endsOn}
                  onChange={(event) => update({ endsOn: event.target.value })}
                  errors={at('declaration.operatingTerm.endsOn')}
                />
              )}
            </Section>
            <Section
              title={t('registration.items.articlesOfAssociation')}
              notes={at('declaration.articlesOfAssociation')}
            >
              <TextField
                label={t('registration.articlesAdoptedOn')}
                type="date"
                name="articlesAdoptedOn"
                value={form.articlesAdoptedOn}
                onChange={(event) => update({ articlesAdoptedOn: event.target.value })}
                errors={at('declaration.articlesOfAssociation.adoptedOn')}
              />
              <TextAreaField
                label={t('registration.articlesText')}
                name="articlesText"
                rows={4}
                value={form.articlesText}
                onChange={(event) => update({ articlesText: event.target.value })}
                errors={at('declaration.articlesOfAssociation.text')}
              />
            </Section>
          </>
        ) : null}

        {step === 2 ? (
          <>
            <Section title={t('registration.items.legalRepresentative')} notes={at('declaration.legalRepresentative')}>
              <PersonFields
                prefix="declaration.legalRepresentative"
                person={form.legalRepresentative}
                onChange={(person) => update({ legalRepresentative: person })}
                at={at}
              />
            </Section>
            <Section title={t('registration.items.liaison')} notes={at('declaration.liaison')}>
              <TextField
                label={t('registration.personName')}
                name="liaisonName"
                required
                value={form.liaisonName}
                onChange={(e) => update({ liaisonName: e.target.value })}
                errors={at('declaration.liaison.name')}
              />
              <div className="form__row">
                <TextField
                  label={t('registration.phone')}
                  name="liaisonPhone"
                  type="tel"
                  autoComplete="tel"
                  required
                  value={form.liaisonPhone}
                  onChange={(e) => update({ liaisonPhone: e.target.value })}
                  errors={at('declaration.liaison.phone')}
                />
                <TextField
                  label={t('registration.email')}
                  name="liaisonEmail"
                  type="email"
                  autoComplete="email"
                  value={form.liaisonEmail}
                  onChange={(e) => update({ liaisonEmail: e.target.value })}
                  errors={at('declaration.liaison.email')}
                />
              </div>
            </Section>
            <Section title={t('registration.items.investors')} notes={at('declaration.investors')}>
              {form.investors.map((investor, index) => {
                const p = `declaration.investors.${index}`;
                const set = (patch: Partial<typeof investor>) =>
                  update({ investors: form.investors.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
                return (
                  <fieldset key={index} className="form__subsection">
                    <legend>{t('registration.investorNumber', { number: index + 1 })}</legend>
                    {at(p)?.length ? <FormErrors messages={at(p)!} /> : null}
                    <div className="form__row">
                      <SelectField
                        label={t('registration.investor.kind')}
                        name={`investor-${index}-kind`}
                        value={investor.kind}
                        options={enumOptions(t, 'InvestorKind')}
                        onChange={(e) => set({ kind: e.target.value as InvestorKind })}
                      />
                      <TextField
                        label={t('registration.investor.name')}
                        name={`investor-${index}-name`}
                        required
                        value={investor.name}
                        onChange={(e) => set({ name: e.target.value })}
                        errors={at(`${p}.name`)}
                      />
                    </div>
                    {investor.kind === 'NATURAL_PERSON' ? (
                      <div className="form__row">
                        <SelectField
                          label={t('registration.idType')}
                          name={`investor-${index}-idType`}
                          value={investor.idType}
                          options={enumOptions(t, 'IdDocumentType')}
                          onChange={(e) => set({ idType: e.target.value as IdDocumentType })}
                        />
                        <TextField
                          label={t('registration.idNumber')}
                          name={`investor-${index}-idNumber`}
                          required
                          value={investor.idNumber}
                          onChange={(e) => set({ idNumber: e.target.value })}
                          errors={at(`${p}.idNumber`)}
                        />
                      </div>
                    ) : (
                      <TextField
                        label={t('registration.investor.registrationNumber')}
                        name={`investor-${index}-registrationNumber`}
                        required
                        value={investor.registrationNumber}
                        onChange={(e) => set({ registrationNumber: e.target.value })}
                        errors={at(`${p}.registrationNumber`)}
                      />
                    )}
                    <div className="form__row">
                      <TextField
                        label={t('registration.investor.subscribedCapital')}
                        name={`investor-${index}-capital`}
                        inputMode="decimal"
                        required
                        value={investor.subscribedCapital}
                        onChange={(e) => set({ subscribedCapital: e.target.value })}
                        errors={at(`${p}.subscribedCapital`)}
                      />
                      <SelectField
                        label={t('registration.investor.contributionForm')}
                        name={`investor-${index}-form`}
                        value={investor.contributionForm}
                        options={enumOptions(t, 'ContributionForm')}
                        onChange={(e) => set({ contributionForm: e.target.value as ContributionForm })}
                      />
                    </div>
                    <div className="form__row">
                      <TextField
                        label={t('registration.investor.country')}
                        hint={t('registration.countryHint')}
                        name={`investor-${index}-country`}
                        value={investor.country}
                        onChange={(e) => set({ country: e.target.value })}
                        errors={at(`${p}.country`)}
                      />
                      <TextField
                        label={t('registration.investor.subscribedBy')}
                        type="date"
                        name={`investor-${index}-subscribedBy`}
                        value={investor.subscribedBy}
                        onChange={(e) => set({ subscribedBy: e.target.value })}
                        errors={at(`${p}.subscribedBy`)}
                      />
                    </div>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => update({ investors: form.investors.filter((_, i) => i !== index) })}
                    >
                      {t('registration.removeInvestor', { number: index + 1 })}
                    </button>
                  </fieldset>
                );
              })}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => update({ investors: [...form.investors, emptyInvestor()] })}
              >
                {t('registration.addInvestor')}
              </button>
            </Section>
            <Section title={t('registration.items.officers')} notes={at('declaration.officers')}>
              {form.officers.map((officer, index) => {
                const p = `declaration.officers.${index}`;
                const set = (patch: Partial<typeof officer>) =>
                  update({ officers: form.officers.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
                return (
                  <fieldset key={index} className="form__subsection">
                    <legend>{t('registration.officerNumber', { number: index + 1 })}</legend>
                    <div className="form__row">
                      <SelectField
                        label={t('registration.position')}
                        name={`officer-${index}-position`}
                        value={officer.position}
                        options={enumOptions(t, 'OfficerPosition')}
                        onChange={(e) => set({ position: e.target.value as OfficerPosition })}
                      />
                      <TextField
                        label={t('registration.personName')}
                        name={`officer-${index}-name`}
                        required
                        value={officer.name}
                        onChange={(e) => set({ name: e.target.value })}
                        errors={at(`${p}.name`)}
                      />
                    </div>
                    <div className="form__row">
                      <SelectField
                        label={t('registration.idType')}
                        name={`officer-${index}-idType`}
                        value={officer.idType}
                        options={enumOptions(t, 'IdDocumentType')}
                        onChange={(e) => set({ idType: e.target.value as IdDocumentType })}
                      />
                      <TextField
                        label={t('registration.idNumber')}
                        name={`officer-${index}-idNumber`}
                        required
                        value={officer.idNumber}
                        onChange={(e) => set({ idNumber: e.target.value })}
                        errors={at(`${p}.idNumber`)}
                      />
                    </div>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => update({ officers: form.officers.filter((_, i) => i !== index) })}
                    >
                      {t('registration.removeOfficer', { number: index + 1 })}
                    </button>
                  </fieldset>
                );
              })}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => update({ officers: [...form.officers, emptyOfficer()] })}
              >
                {t('registration.addOfficer')}
              </button>
            </Section>
            {form.foreignInvested ? (
              <Section title={t('registration.items.serviceAgent')} notes={at('declaration.serviceAgent')}>
                <TextField
                  label={t('registration.personName')}
                  name="agentName"
                  required
                  value={form.agentName}
                  onChange={(e) => update({ agentName: e.target.value })}
                  errors={at('declaration.serviceAgent.name')}
                />
                <TextField
                  label={t('registration.address')}
                  name="agentAddress"
                  required
                  value={form.agentAddress}
                  onChange={(e) => update({ agentAddress: e.target.value })}
                  errors={at('declaration.serviceAgent.address')}
                />
                <div className="form__row">
                  <TextField
                    label={t('registration.phone')}
                    name="agentPhone"
                    type="tel"
                    required
                    value={form.agentPhone}
                    onChange={(e) => update({ agentPhone: e.target.value })}
                    errors={at('declaration.serviceAgent.phone')}
                  />
                  <TextField
                    label={t('registration.email')}
                    name="agentEmail"
                    type="email"
                    value={form.agentEmail}
                    onChange={(e) => update({ agentEmail: e.target.value })}
                    errors={at('declaration.serviceAgent.email')}
                  />
                </div>
              </Section>
            ) : null}
          </>
        ) : null}

        {step === 3 ? (
          <Section title={t('registration.commitmentTitle')} notes={at('commitment')}>
            {terms ? (
              <div
                className="commitment__terms"
                tabIndex={0}
                role="document"
                aria-label={t('registration.commitmentTermsLabel')}
                lang={language}
              >
                {termsText.split(/\n+/).map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
            ) : (
              <Loading />
            )}
            <CheckboxField
              label={t('registration.commitmentAccept')}
              name="commitmentAccepted"
              checked={accepted}
              onChange={(event) => setAccepted(event.target.checked)}
              errors={at('commitment.accepted') ?? at('commitment.termsVersion')}
            />
            <TextField
              label={t('names.signatory')}
              hint={t('names.signatoryHint')}
              name="signatoryName"
              autoComplete="name"
              required
              value={signatory}
              onChange={(event) => setSignatory(event.target.value)}
              errors={at('commitment.signatoryName')}
            />
          </Section>
        ) : null}

        <div className="form__actions">
          {step > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)}>
              {t('registration.previous')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void save()}
            disabled={saving || submitting}
          >
            {saving ? t('registration.saving') : t('registration.saveDraft')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving || submitting}>
            {step < STEPS.length - 1
              ? t('registration.next')
              : submitting
                ? t('registration.submitting')
                : correcting
                  ? t('registration.resubmit')
                  : t('registration.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}

function PersonFields({
  prefix,
  person,
  onChange,
  at,
}: {
  prefix: string;
  person: DeclarationForm['legalRepresentative'];
  onChange(person: DeclarationForm['legalRepresentative']): void;
  at(key: string): string[] | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<typeof person>) => onChange({ ...person, ...patch });
  return (
    <>
      <TextField
        label={t('registration.personName')}
        name={`${prefix}.name`}
        required
        value={person.name}
        onChange={(e) => set({ name: e.target.value })}
        errors={at(`${prefix}.name`)}
      />
      <div className="form__row">
        <SelectField
          label={t('registration.idType')}
          name={`${prefix}.idType`}
          value={person.idType}
          options={enumOptions(t, 'IdDocumentType')}
          onChange={(e) => set({ idType: e.target.value as IdDocumentType })}
          errors={at(`${prefix}.idType`)}
        />
        <TextField
          label={t('registration.idNumber')}
          name={`${prefix}.idNumber`}
          required
          value={person.idNumber}
          onChange={(e) => set({ idNumber: e.target.value })}
          errors={at(`${prefix}.idNumber`)}
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('registration.nationality')}
          hint={t('registration.countryHint')}
          name={`${prefix}.nationality`}
          value={person.nationality}
          onChange={(e) => set({ nationality: e.target.value })}
          errors={at(`${prefix}.nationality`)}
        />
        <TextField
          label={t('registration.phone')}
          name={`${prefix}.phone`}
          type="tel"
          value={person.phone}
          onChange={(e) => set({ phone: e.target.value })}
          errors={at(`${prefix}.phone`)}
        />
      </div>
    </>
  );
}
