import { useTranslation } from 'react-i18next';
import { FormErrors } from '../../../components/Feedback';
import { SelectField, TextField } from '../../../components/Field';
import type { ContributionForm, IdDocumentType, InvestorKind, OfficerPosition } from '../../../gql/graphql';
import { enumOptions } from '../../../i18n/labels';
import { emptyInvestor, emptyOfficer } from '../../declarationForm';
import { fieldId } from '../fieldIds';
import { CountryField, PersonFields, Section, type StepProps } from '../FormParts';

/** Step 3: legal representative, liaison, investors, officers and (foreign-invested) the agent for service. */
export function PeopleStep({ form, update, at }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <Section
        title={t('registration.items.legalRepresentative')}
        item="declaration.legalRepresentative"
        notes={at('declaration.legalRepresentative')}
      >
        <PersonFields
          prefix="declaration.legalRepresentative"
          person={form.legalRepresentative}
          onChange={(person) => update({ legalRepresentative: person })}
          at={at}
        />
      </Section>
      <Section title={t('registration.items.liaison')} item="declaration.liaison" notes={at('declaration.liaison')}>
        <TextField
          id={fieldId('declaration.liaison.name')}
          label={t('registration.personName')}
          name="liaisonName"
          required
          value={form.liaisonName}
          onChange={(e) => update({ liaisonName: e.target.value })}
          errors={at('declaration.liaison.name')}
        />
        <div className="form__row">
          <TextField
            id={fieldId('declaration.liaison.phone')}
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
            id={fieldId('declaration.liaison.email')}
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
      <Section
        title={t('registration.items.investors')}
        item="declaration.investors"
        notes={at('declaration.investors')}
      >
        {form.investors.map((investor, index) => {
          const p = `declaration.investors.${index}`;
          const set = (patch: Partial<typeof investor>) =>
            update({ investors: form.investors.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
          return (
            <fieldset key={index} className="form__subsection" id={fieldId(p)} tabIndex={-1}>
              <legend>{t('registration.investorNumber', { number: index + 1 })}</legend>
              {at(p)?.length ? <FormErrors messages={at(p)!} /> : null}
              <div className="form__row">
                <SelectField
                  label={t('registration.investor.kind')}
                  name={`investor-${index}-kind`}
                  required
                  value={investor.kind}
                  options={enumOptions(t, 'InvestorKind')}
                  onChange={(e) => set({ kind: e.target.value as InvestorKind })}
                />
                <TextField
                  id={fieldId(`${p}.name`)}
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
                    id={fieldId(`${p}.idType`)}
                    label={t('registration.idType')}
                    name={`investor-${index}-idType`}
                    required
                    value={investor.idType}
                    options={enumOptions(t, 'IdDocumentType')}
                    onChange={(e) => set({ idType: e.target.value as IdDocumentType })}
                  />
                  <TextField
                    id={fieldId(`${p}.idNumber`)}
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
                  id={fieldId(`${p}.registrationNumber`)}
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
                  id={fieldId(`${p}.subscribedCapital`)}
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
                  required
                  value={investor.contributionForm}
                  options={enumOptions(t, 'ContributionForm')}
                  onChange={(e) => set({ contributionForm: e.target.value as ContributionForm })}
                />
              </div>
              <div className="form__row">
                <CountryField
                  label={t('registration.investor.country')}
                  name={`investor-${index}-country`}
                  fieldKey={`${p}.country`}
                  value={investor.country}
                  onChange={(country) => set({ country })}
                  errors={at(`${p}.country`)}
                />
                <TextField
                  id={fieldId(`${p}.subscribedBy`)}
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
      <Section title={t('registration.items.officers')} item="declaration.officers" notes={at('declaration.officers')}>
        {form.officers.map((officer, index) => {
          const p = `declaration.officers.${index}`;
          const set = (patch: Partial<typeof officer>) =>
            update({ officers: form.officers.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
          return (
            <fieldset key={index} className="form__subsection" id={fieldId(p)} tabIndex={-1}>
              <legend>{t('registration.officerNumber', { number: index + 1 })}</legend>
              <div className="form__row">
                <SelectField
                  label={t('registration.position')}
                  name={`officer-${index}-position`}
                  required
                  value={officer.position}
                  options={enumOptions(t, 'OfficerPosition')}
                  onChange={(e) => set({ position: e.target.value as OfficerPosition })}
                />
                <TextField
                  id={fieldId(`${p}.name`)}
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
                  required
                  value={officer.idType}
                  options={enumOptions(t, 'IdDocumentType')}
                  onChange={(e) => set({ idType: e.target.value as IdDocumentType })}
                />
                <TextField
                  id={fieldId(`${p}.idNumber`)}
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
        <Section
          title={t('registration.items.serviceAgent')}
          item="declaration.serviceAgent"
          notes={at('declaration.serviceAgent')}
        >
          <TextField
            id={fieldId('declaration.serviceAgent.name')}
            label={t('registration.personName')}
            name="agentName"
            required
            value={form.agentName}
            onChange={(e) => update({ agentName: e.target.value })}
            errors={at('declaration.serviceAgent.name')}
          />
          <TextField
            id={fieldId('declaration.serviceAgent.address')}
            label={t('registration.address')}
            name="agentAddress"
            required
            value={form.agentAddress}
            onChange={(e) => update({ agentAddress: e.target.value })}
            errors={at('declaration.serviceAgent.address')}
          />
          <div className="form__row">
            <TextField
              id={fieldId('declaration.serviceAgent.phone')}
              label={t('registration.phone')}
              name="agentPhone"
              type="tel"
              required
              value={form.agentPhone}
              onChange={(e) => update({ agentPhone: e.target.value })}
              errors={at('declaration.serviceAgent.phone')}
            />
            <TextField
              id={fieldId('declaration.serviceAgent.email')}
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
  );
}
