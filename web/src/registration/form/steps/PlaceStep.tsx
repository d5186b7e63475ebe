import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { RegistrationHostedAddressesDocument, type District, type Zone } from '../../../gql/graphql';
import { enumOptions } from '../../../i18n/labels';
import { fieldId } from '../fieldIds';
import { Section, type StepProps } from '../FormParts';
import { activeHostedAddresses, chooseHostedAddress } from '../hostedAddressChoice';

/** Step 2: registered address, capital, operating term and the articles of association. */
export function PlaceStep({ form, update, at }: StepProps) {
  const { t } = useTranslation();
  const [{ data: hostingData }] = useQuery({ query: RegistrationHostedAddressesDocument });
  const hosted = useMemo(() => activeHostedAddresses(hostingData), [hostingData]);
  const hostedBy = hosted.find((option) => option.id === form.hostingAgreementId)?.host.name;
  return (
    <>
      <Section
        title={t('registration.items.registeredAddress')}
        item="declaration.registeredAddress"
        notes={at('declaration.registeredAddress')}
      >
        {hosted.length || form.hostingAgreementId ? (
          <SelectField
            id={fieldId('declaration.registeredAddress.hostingAgreementId')}
            label={t('applicationForm.hostedAddress')}
            hint={hostedBy ? t('applicationForm.hostedBy', { host: hostedBy }) : t('applicationForm.hostedAddressHint')}
            name="hostingAgreementId"
            value={form.hostingAgreementId}
            placeholder={t('applicationForm.hostedAddressNone')}
            options={hosted.map((option) => ({
              value: option.id,
              label: `${option.address.address}（${option.host.name}）`,
            }))}
            onChange={(event) => update(chooseHostedAddress(hosted, event.target.value))}
            errors={at('declaration.registeredAddress.hostingAgreementId')}
          />
        ) : null}
        <SelectField
          id={fieldId('declaration.registeredAddress.district')}
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
          id={fieldId('declaration.registeredAddress.address')}
          label={t('registration.address')}
          name="address"
          required
          autoComplete="street-address"
          value={form.address}
          readOnly={Boolean(form.hostingAgreementId)}
          onChange={(event) => update({ address: event.target.value })}
          errors={at('declaration.registeredAddress.address')}
        />
        <div className="form__row">
          <SelectField
            id={fieldId('declaration.registeredAddress.zone')}
            label={t('registration.zone')}
            name="zone"
            value={form.zone}
            options={enumOptions(t, 'Zone')}
            onChange={(event) => update({ zone: event.target.value as Zone })}
            errors={at('declaration.registeredAddress.zone')}
          />
          <TextField
            id={fieldId('declaration.registeredAddress.postalCode')}
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
        id={fieldId('declaration.registeredCapital')}
        label={t('registration.capitalYuan')}
        hint={t('registration.capitalHint')}
        name="registeredCapital"
        inputMode="decimal"
        required
        value={form.registeredCapital}
        onChange={(event) => update({ registeredCapital: event.target.value })}
        errors={at('declaration.registeredCapital')}
      />
      <Section
        title={t('registration.items.operatingTerm')}
        item="declaration.operatingTerm"
        notes={at('declaration.operatingTerm')}
      >
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
            id={fieldId('declaration.operatingTerm.endsOn')}
            label={t('registration.endsOn')}
            type="date"
            name="endsOn"
            required
            value={form.endsOn}
            onChange={(event) => update({ endsOn: event.target.value })}
            errors={at('declaration.operatingTerm.endsOn')}
          />
        )}
      </Section>
      <Section
        title={t('registration.items.articlesOfAssociation')}
        item="declaration.articlesOfAssociation"
        notes={at('declaration.articlesOfAssociation')}
      >
        <TextField
          id={fieldId('declaration.articlesOfAssociation.adoptedOn')}
          label={t('registration.articlesAdoptedOn')}
          type="date"
          name="articlesAdoptedOn"
          required
          value={form.articlesAdoptedOn}
          onChange={(event) => update({ articlesAdoptedOn: event.target.value })}
          errors={at('declaration.articlesOfAssociation.adoptedOn')}
        />
        <TextAreaField
          id={fieldId('declaration.articlesOfAssociation.text')}
          label={t('registration.articlesText')}
          name="articlesText"
          required
          rows={4}
          value={form.articlesText}
          onChange={(event) => update({ articlesText: event.target.value })}
          errors={at('declaration.articlesOfAssociation.text')}
        />
      </Section>
    </>
  );
}
