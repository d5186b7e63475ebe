import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field';
import type { IdDocumentType } from '../../gql/graphql';
import { enumOptions } from '../../i18n/labels';
import { usePreferences } from '../../preferences/PreferencesProvider';
import type { DeclarationForm } from '../declarationForm';
import { countryOptions } from './countries';
import { fieldId } from './fieldIds';

/** What every step of a declaration form gets: the form, a way to change it, and the problems at a field. */
export interface StepProps {
  form: DeclarationForm;
  update(patch: Partial<DeclarationForm>): void;
  at(key: string): string[] | undefined;
}

/** A group of fields; `item` is the declaration item it holds, so a problem with the whole item can be reached. */
export function Section({
  title,
  item,
  notes,
  children,
}: {
  title: string;
  item?: string;
  notes?: readonly string[];
  children: ReactNode;
}) {
  return (
    <fieldset className="form__section" id={item ? fieldId(item) : undefined} tabIndex={item ? -1 : undefined}>
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

/** A country or region by ISO 3166-1 alpha-2 code, chosen from a list named in the page's language. */
export function CountryField({
  label,
  name,
  fieldKey,
  value,
  onChange,
  errors,
}: {
  label: string;
  name: string;
  fieldKey: string;
  value: string;
  onChange(code: string): void;
  errors?: string[];
}) {
  const { language } = usePreferences();
  const options = countryOptions(language);
  // A code typed before the picker existed stays selectable rather than silently replaced.
  const known = options.some((option) => option.value === value);
  return (
    <SelectField
      id={fieldId(fieldKey)}
      label={label}
      name={name}
      required
      value={value}
      options={known || !value ? options : [{ value, label: value }, ...options]}
      onChange={(event) => onChange(event.target.value)}
      errors={errors}
    />
  );
}

export function PersonFields({
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
        id={fieldId(`${prefix}.name`)}
        label={t('registration.personName')}
        name={`${prefix}.name`}
        required
        value={person.name}
        onChange={(e) => set({ name: e.target.value })}
        errors={at(`${prefix}.name`)}
      />
      <div className="form__row">
        <SelectField
          id={fieldId(`${prefix}.idType`)}
          label={t('registration.idType')}
          name={`${prefix}.idType`}
          required
          value={person.idType}
          options={enumOptions(t, 'IdDocumentType')}
          onChange={(e) => set({ idType: e.target.value as IdDocumentType })}
          errors={at(`${prefix}.idType`)}
        />
        <TextField
          id={fieldId(`${prefix}.idNumber`)}
          label={t('registration.idNumber')}
          name={`${prefix}.idNumber`}
          required
          value={person.idNumber}
          onChange={(e) => set({ idNumber: e.target.value })}
          errors={at(`${prefix}.idNumber`)}
        />
      </div>
      <div className="form__row">
        <CountryField
          label={t('registration.nationality')}
          name={`${prefix}.nationality`}
          fieldKey={`${prefix}.nationality`}
          value={person.nationality}
          onChange={(nationality) => set({ nationality })}
          errors={at(`${prefix}.nationality`)}
        />
        <TextField
          id={fieldId(`${prefix}.phone`)}
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
