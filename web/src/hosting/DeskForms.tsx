import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { groupUserErrors, type UserErrorLike } from '../api/errors';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { FormErrors, Notice } from '../components/Feedback';
import {
  AddHostedAddressDocument,
  ApplyAsHostDocument,
  LogDocumentForwardingDocument,
  ReportEnterpriseUnreachableDocument,
  UpdateHostedAddressDocument,
  type District,
  type HostKind,
  type Zone,
} from '../gql/graphql';
import { enumOptions } from '../i18n/labels';

/** Logs an item forwarded to a hosted enterprise (dates default to today). */
export function LogForwardingForm({
  enterpriseId,
  today,
  onDone,
}: {
  enterpriseId: string;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [result, log] = useMutation(LogDocumentForwardingDocument);
  const [sender, setSender] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [forwardedOn, setForwardedOn] = useState(today);
  const [tracking, setTracking] = useState('');
  const errors = result.data?.logDocumentForwarding?.userErrors.map((e) => e.message) ?? [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void log({
          input: {
            enterpriseId,
            sender,
            kind: 'OFFICIAL_DOCUMENT',
            receivedOn,
            forwardedOn,
            trackingNumber: tracking || null,
          },
        }).then(onDone);
      }}
    >
      <FormErrors messages={errors} />
      <TextField label={t('hosting.sender')} value={sender} required onChange={(e) => setSender(e.target.value)} />
      <TextField
        label={t('hosting.receivedOn')}
        type="date"
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
      />
      <TextField
        label={t('hosting.forwardedOn')}
        type="date"
        value={forwardedOn}
        onChange={(e) => setForwardedOn(e.target.value)}
      />
      <TextField label={t('hosting.tracking')} value={tracking} onChange={(e) => setTracking(e.target.value)} />
      <button className="button button--secondary" type="submit" disabled={result.fetching}>
        {t('hosting.logForwarding')}
      </button>
    </form>
  );
}

/** A firm's application to become a host. */
export function ApplyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [result, apply] = useMutation(ApplyAsHostDocument);
  const [form, setForm] = useState({
    name: '',
    kind: 'LAW_FIRM',
    licenceNumber: '',
    uscc: '',
    district: 'SHINAN',
    officeFloorArea: '100',
    fullTimeSecretaries: '1',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const errors = result.data?.applyAsHost?.userErrors.map((e) => e.message) ?? [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void apply({
          input: {
            ...form,
            kind: form.kind as HostKind,
            district: form.district as District,
            officeFloorArea: Number(form.officeFloorArea),
            fullTimeSecretaries: Number(form.fullTimeSecretaries),
          },
        }).then(onDone);
      }}
    >
      <FormErrors messages={errors} />
      <TextField label={t('hosting.firmName')} value={form.name} required onChange={set('name')} />
      <SelectField
        label={t('hosting.hostKind')}
        value={form.kind}
        onChange={set('kind')}
        options={[
          { value: 'LAW_FIRM', label: t('hosting.kindLAW_FIRM') },
          { value: 'ACCOUNTING_FIRM', label: t('hosting.kindACCOUNTING_FIRM') },
        ]}
      />
      <TextField label={t('hosting.licence')} value={form.licenceNumber} required onChange={set('licenceNumber')} />
      <TextField label={t('hosting.uscc')} value={form.uscc} required onChange={set('uscc')} />
      <SelectField
        label={t('hosting.district')}
        value={form.district}
        onChange={set('district')}
        options={enumOptions(t, 'District')}
      />
      <TextField
        label={t('hosting.floorArea')}
        type="number"
        value={form.officeFloorArea}
        onChange={set('officeFloorArea')}
      />
      <TextField
        label={t('hosting.secretaries')}
        type="number"
        value={form.fullTimeSecretaries}
        onChange={set('fullTimeSecretaries')}
      />
      <button className="button button--primary" type="submit" disabled={result.fetching}>
        {t('hosting.apply')}
      </button>
    </form>
  );
}

/** Puts the server's userErrors at the fields of a form; the rest go above it. */
function useGrouped(errors: readonly UserErrorLike[] | undefined, fields: readonly string[]) {
  return groupUserErrors(errors ?? [], fields);
}

const ADDRESS_FIELDS = ['address', 'district', 'zone', 'floorArea', 'capacity'] as const;

/** Adds a hosted address; the host rules (floor area, secretaries) are checked by the server and shown at the fields. */
export function AddAddressForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [result, add] = useMutation(AddHostedAddressDocument);
  const [form, setForm] = useState({ address: '', district: 'SHINAN', zone: 'NONE', floorArea: '20', capacity: '5' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const { byField, general } = useGrouped(result.data?.addHostedAddress?.userErrors, ADDRESS_FIELDS);
  return (
    <form
      aria-labelledby="add-address-title"
      data-testid="add-address"
      onSubmit={(e) => {
        e.preventDefault();
        void add({
          input: {
            address: form.address,
            district: form.district as District,
            zone: form.zone as Zone,
            floorArea: Number(form.floorArea),
            capacity: Number(form.capacity),
          },
        }).then((r) => {
          if (r.data?.addHostedAddress?.address) {
            setForm({ ...form, address: '' });
            onDone();
          }
        });
      }}
    >
      <h3 id="add-address-title">{t('hosting.addAddress')}</h3>
      <FormErrors messages={general} />
      <TextField
        label={t('hosting.addressText')}
        value={form.address}
        required
        errors={byField.address}
        onChange={set('address')}
      />
      <SelectField
        label={t('hosting.district')}
        value={form.district}
        errors={byField.district}
        onChange={set('district')}
        options={enumOptions(t, 'District')}
      />
      <SelectField
        label={t('hosting.zone')}
        value={form.zone}
        errors={byField.zone}
        onChange={set('zone')}
        options={enumOptions(t, 'Zone')}
      />
      <TextField
        label={t('hosting.floorArea')}
        type="number"
        min={1}
        value={form.floorArea}
        required
        errors={byField.floorArea}
        onChange={set('floorArea')}
      />
      <TextField
        label={t('hosting.capacity')}
        type="number"
        min={1}
        value={form.capacity}
        required
        errors={byField.capacity}
        onChange={set('capacity')}
      />
      <button className="button button--primary" type="submit" disabled={result.fetching}>
        {t('hosting.addAddress')}
      </button>
    </form>
  );
}

/** Edits the capacity, floor area and text of one address (never below its occupancy: the server says so). */
export function EditAddressForm({
  address,
  onDone,
}: {
  address: { id: string; address: string; capacity: number; floorArea: number };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [result, update] = useMutation(UpdateHostedAddressDocument);
  const [form, setForm] = useState({
    address: address.address,
    floorArea: String(address.floorArea),
    capacity: String(address.capacity),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const { byField, general } = useGrouped(result.data?.updateHostedAddress?.userErrors, ADDRESS_FIELDS);
  const saved = result.data?.updateHostedAddress?.address && !result.fetching;
  return (
    <details className="disclosure">
      <summary>{t('hosting.editAddress')}</summary>
      <form
        data-testid="edit-address"
        onSubmit={(e) => {
          e.preventDefault();
          void update({
            input: {
              id: address.id,
              address: form.address,
              floorArea: Number(form.floorArea),
              capacity: Number(form.capacity),
            },
          }).then((r) => {
            if (r.data?.updateHostedAddress?.address) onDone();
          });
        }}
      >
        <FormErrors messages={general} />
        {saved ? <Notice kind="success">{t('hosting.saved')}</Notice> : null}
        <TextField
          label={t('hosting.addressText')}
          value={form.address}
          required
          errors={byField.address}
          onChange={set('address')}
        />
        <TextField
          label={t('hosting.floorArea')}
          type="number"
          min={1}
          value={form.floorArea}
          required
          errors={byField.floorArea}
          onChange={set('floorArea')}
        />
        <TextField
          label={t('hosting.capacity')}
          type="number"
          min={1}
          value={form.capacity}
          required
          errors={byField.capacity}
          onChange={set('capacity')}
        />
        <button className="button button--secondary" type="submit" disabled={result.fetching}>
          {t('hosting.save')}
        </button>
      </form>
    </details>
  );
}

/** Reports a hosted enterprise the host can no longer reach, with the attempts made; an official decides. */
export function ReportUnreachableForm({ enterpriseId, onDone }: { enterpriseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [result, report] = useMutation(ReportEnterpriseUnreachableDocument);
  const [attempts, setAttempts] = useState('');
  const { byField, general } = useGrouped(result.data?.reportEnterpriseUnreachable?.userErrors, ['attempts']);
  if (result.data?.reportEnterpriseUnreachable?.report) return <Notice kind="success">{t('hosting.reported')}</Notice>;
  return (
    <details className="disclosure">
      <summary>{t('hosting.reportUnreachable')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void report({ input: { enterpriseId, attempts } }).then((r) => {
            if (r.data?.reportEnterpriseUnreachable?.report) onDone();
          });
        }}
      >
        <FormErrors messages={general} />
        <TextAreaField
          label={t('hosting.attempts')}
          hint={t('hosting.attemptsHint')}
          value={attempts}
          required
          errors={byField.attempts}
          onChange={(e) => setAttempts(e.target.value)}
        />
        <button className="button button--secondary" type="submit" disabled={result.fetching}>
          {t('hosting.sendReport')}
        </button>
      </form>
    </details>
  );
}
