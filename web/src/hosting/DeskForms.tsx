import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { SelectField, TextField } from '../components/Field';
import { FormErrors } from '../components/Feedback';
import { ApplyAsHostDocument, LogDocumentForwardingDocument, type District, type HostKind } from '../gql/graphql';
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
