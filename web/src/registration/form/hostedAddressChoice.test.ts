import { describe, expect, it } from 'vitest';
import { emptyForm, toDeclarationInput } from '../declarationForm';
import { activeHostedAddresses, chooseHostedAddress } from './hostedAddressChoice';

const agreement = (id: string, status: 'ACTIVE' | 'REQUESTED' | 'TERMINATED') => ({
  id,
  status,
  address: {
    id: `a-${id}`,
    address: `青岛市黄岛区长江中路 ${id} 号`,
    district: 'HUANGDAO' as const,
    zone: 'NONE' as const,
  },
  host: { id: 'h', name: '山东测试律师事务所' },
});

describe('choosing a hosted address in the address step', () => {
  const data = {
    myHostingAgreements: {
      edges: [agreement('1', 'ACTIVE'), agreement('2', 'TERMINATED'), agreement('3', 'REQUESTED')].map((node) => ({
        node,
      })),
    },
  };

  it('offers only the ACTIVE agreements', () => {
    expect(activeHostedAddresses(data as never).map((option) => option.id)).toEqual(['1']);
    expect(activeHostedAddresses(undefined)).toEqual([]);
  });

  it('fills the address and district and sends the agreement id; choosing none clears it', () => {
    const options = activeHostedAddresses(data as never);
    const form = { ...emptyForm({ district: 'SHINAN', address: '旧地址' }), ...chooseHostedAddress(options, '1') };
    expect(form).toMatchObject({ hostingAgreementId: '1', address: '青岛市黄岛区长江中路 1 号', district: 'HUANGDAO' });
    expect(toDeclarationInput(form).registeredAddress).toMatchObject({
      address: '青岛市黄岛区长江中路 1 号',
      district: 'HUANGDAO',
      hostingAgreementId: '1',
    });
    const cleared = { ...form, ...chooseHostedAddress(options, '') };
    expect(cleared.hostingAgreementId).toBe('');
    expect(toDeclarationInput(cleared).registeredAddress).not.toHaveProperty('hostingAgreementId');
  });
});
