import { describe, expect, it } from 'vitest';
import { emptyForm, emptyInvestor, toDeclarationInput } from '../declarationForm';
import { withoutRefused } from './useApplicationForm';

describe('leaving out of a draft what the API refused', () => {
  const input = toDeclarationInput(
    emptyForm({
      kind: 'LIMITED_LIABILITY_COMPANY',
      district: 'HUANGDAO',
      address: '前湾港路 1 号',
      postalCode: '26655X',
      registeredCapital: '一百万',
      investors: [
        { ...emptyInvestor(), name: '王海川', idNumber: '?', subscribedCapital: '一百' },
        { ...emptyInvestor(), name: '李清', subscribedCapital: '5' },
      ],
    }),
  );

  it('first blanks the refused leaves and keeps everything else', () => {
    const kept = withoutRefused(
      input,
      [
        'declaration.registeredAddress.postalCode',
        'declaration.registeredCapital.amount',
        'declaration.investors.0.idNumber',
        'declaration.investors.0.subscribedCapital.amount',
      ],
      1,
    );
    expect(kept.registeredAddress).toMatchObject({ address: '前湾港路 1 号', district: 'HUANGDAO', postalCode: null });
    expect(kept.registeredCapital).toBeUndefined();
    expect(kept.investors).toHaveLength(2);
    expect(kept.investors![0]).toMatchObject({ name: '王海川', idNumber: '', subscribedCapital: { amount: '' } });
    expect(kept.kind).toBe('LIMITED_LIABILITY_COMPANY');
  });

  it('then leaves out the whole item or list entry', () => {
    const kept = withoutRefused(input, ['declaration.registeredAddress.zone', 'declaration.investors.0.country'], 2);
    expect(kept.registeredAddress).toBeUndefined();
    expect(kept.investors!.map((i) => i.name)).toEqual(['李清']);
  });

  it('does not change the input it was given', () => {
    withoutRefused(input, ['declaration.investors.1.name'], 2);
    expect(input.investors).toHaveLength(2);
  });
});
