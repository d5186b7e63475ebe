import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { emptyForm, emptyInvestor, type DeclarationForm } from '../declarationForm';
import type { ApplicationFieldsFragment } from '../../gql/graphql';
import { changeInput, changeStateOf } from '../form/useApplicationForm';
import { changedItems } from './changeSummary';

const i18n = initI18n('en');
const t = i18n.getFixedT('en');

function registered(): DeclarationForm {
  return emptyForm({
    kind: 'LIMITED_LIABILITY_COMPANY',
    industry: 'I65',
    businessScope: '软件开发',
    address: '青岛市黄岛区前湾港路 1 号',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    postalCode: '266555',
    registeredCapital: '1000000.00',
    investors: [{ ...emptyInvestor(), name: '王海川', subscribedCapital: '1000000.00' }],
  });
}

describe('what a change registration will record', () => {
  it('lists nothing while the form still holds the registered items, however the amounts are typed', () => {
    const after = { ...registered(), registeredCapital: '1,000,000', businessScope: ' 软件开发 ' };
    after.investors = [{ ...after.investors[0]!, subscribedCapital: '1000000' }];
    expect(changedItems({ name: '甲', form: registered() }, { name: '甲', form: after }, t, 'en')).toEqual([]);
  });

  it('lists each changed item once, in the registry’s order, with its value before and after in words', () => {
    const after = {
      ...registered(),
      registeredCapital: '1500000',
      address: '青岛市黄岛区前湾港路 8 号',
      hostingAgreementId: 'agreement-1',
    };
    const changes = changedItems(
      { name: '青岛甲乙有限公司', form: registered() },
      { name: '青岛丙丁有限公司', form: after },
      t,
      'en',
    );
    expect(changes.map((c) => c.item)).toEqual(['name', 'registeredAddress', 'registeredCapital']);
    expect(changes[0]).toEqual({ item: 'name', before: '青岛甲乙有限公司', after: '青岛丙丁有限公司' });
    expect(changes[1]!.before).toContain('前湾港路 1 号');
    expect(changes[1]!.after).toContain('前湾港路 8 号');
    expect(changes[1]!.after).toContain('hosted address');
    expect(changes[2]!.before).toMatch(/1,000,000\.00/);
    expect(changes[2]!.after).toMatch(/1,500,000\.00/);
  });

  it('counts a new investor and an ended operating term as changes, and an end date left behind by "long term" as none', () => {
    const longTermWithStaleDate = { ...registered(), endsOn: '2040-01-01' };
    expect(
      changedItems({ name: 'x', form: registered() }, { name: 'x', form: longTermWithStaleDate }, t, 'en'),
    ).toEqual([]);
    const after = {
      ...registered(),
      longTerm: false,
      endsOn: '2040-01-01',
      investors: [...registered().investors, { ...emptyInvestor(), name: '李清', subscribedCapital: '500000' }],
    };
    const changes = changedItems({ name: 'x', form: registered() }, { name: 'x', form: after }, t, 'en');
    expect(changes.map((c) => c.item)).toEqual(['investors', 'operatingTerm']);
    expect(changes[0]!.after).toContain('李清');
  });
});

describe('a change application’s name and date', () => {
  const application = (patch: Partial<ApplicationFieldsFragment>) =>
    ({
      declaration: { name: '青岛甲乙有限公司' },
      enterprise: { name: '青岛甲乙有限公司' },
      nameReservation: null,
      changeDecidedOn: '2026-11-20',
      ...patch,
    }) as unknown as ApplicationFieldsFragment;

  it('reads the choice back from a saved change: kept, from a reservation, or declared directly', () => {
    expect(changeStateOf(application({}))).toMatchObject({ nameChoice: 'keep', decidedOn: '2026-11-20' });
    expect(
      changeStateOf(application({ nameReservation: { id: 'r1', name: '青岛丙丁有限公司', special: false } })),
    ).toMatchObject({ nameChoice: 'reservation' });
    expect(
      changeStateOf(
        application({ declaration: { name: '青岛丙丁有限公司' } as ApplicationFieldsFragment['declaration'] }),
      ),
    ).toMatchObject({ nameChoice: 'direct', newName: '青岛丙丁有限公司' });
  });

  it('sends a reservation only when it is new, and clears the other way of naming otherwise', () => {
    const base = { newName: '青岛丙丁有限公司', decidedOn: '', nameAccepted: false };
    expect(changeInput({ ...base, nameChoice: 'reservation' }, 'r1', null)).toEqual({
      nameReservationId: 'r1',
      changeDecidedOn: null,
    });
    expect(changeInput({ ...base, nameChoice: 'reservation' }, 'r1', 'r1')).toEqual({ changeDecidedOn: null });
    expect(changeInput({ ...base, nameChoice: 'direct', decidedOn: '2026-11-20' }, 'r1', 'r1')).toEqual({
      nameReservationId: null,
      newName: '青岛丙丁有限公司',
      changeDecidedOn: '2026-11-20',
    });
    expect(changeInput({ ...base, nameChoice: 'keep' }, '', null)).toEqual({
      nameReservationId: null,
      newName: null,
      changeDecidedOn: null,
    });
  });
});
