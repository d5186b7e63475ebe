import { describe, expect, it } from 'vitest';
import type { DeclarationFieldsFragment } from '../gql/graphql';
import {
  emptyForm,
  emptyInvestor,
  formFieldKeys,
  fromDeclaration,
  stepOf,
  toDeclarationInput,
} from './declarationForm';

describe('the application form and the API declaration', () => {
  it('leaves out the parts the applicant has not started, so submission reports them as missing', () => {
    expect(toDeclarationInput(emptyForm())).toEqual({
      foreignInvested: false,
      businessScope: null,
      industry: null,
      operatingTerm: { longTerm: true, endsOn: null },
      investors: [],
      officers: [],
    });
  });

  it('sends money as decimal strings in CNY, upper-cases codes and trims text', () => {
    const input = toDeclarationInput(
      emptyForm({
        kind: 'LIMITED_LIABILITY_COMPANY',
        industry: ' i65 ',
        district: 'HUANGDAO',
        address: ' 前湾港路 1 号 ',
        registeredCapital: '1,000,000',
        investors: [
          {
            ...emptyInvestor(),
            name: ' 王海川 ',
            idNumber: '370211198501011235',
            subscribedCapital: '1000000',
            country: 'cn',
          },
        ],
      }),
    );
    expect(input).toMatchObject({
      kind: 'LIMITED_LIABILITY_COMPANY',
      industry: 'I65',
      registeredAddress: { address: '前湾港路 1 号', district: 'HUANGDAO', zone: 'NONE', postalCode: null },
      registeredCapital: { amount: '1000000', currency: 'CNY' },
      investors: [
        {
          name: '王海川',
          country: 'CN',
          idType: 'RESIDENT_ID_CARD',
          idNumber: '370211198501011235',
          subscribedCapital: { amount: '1000000', currency: 'CNY' },
        },
      ],
    });
  });

  it('sends an enterprise investor by its registration number, not an identity document', () => {
    const input = toDeclarationInput(
      emptyForm({
        investors: [
          {
            ...emptyInvestor(),
            kind: 'ENTERPRISE',
            name: '青岛港湾投资有限公司',
            registrationNumber: '914403001922038216',
          },
        ],
      }),
    );
    expect(input.investors![0]).not.toHaveProperty('idNumber');
    expect(input.investors![0]).toMatchObject({ kind: 'ENTERPRISE', registrationNumber: '914403001922038216' });
  });

  it('sends a service agent only for a foreign-invested enterprise', () => {
    const agent = {
      agentName: 'Lee & Partners',
      agentAddress: '青岛市市南区香港中路 1 号',
      agentPhone: '0532-80000000',
    };
    expect(toDeclarationInput(emptyForm({ ...agent, foreignInvested: false })).serviceAgent).toBeUndefined();
    expect(toDeclarationInput(emptyForm({ ...agent, foreignInvested: true })).serviceAgent).toMatchObject({
      name: 'Lee & Partners',
    });
  });

  it('reads a saved declaration back into the same form', () => {
    const form = emptyForm({
      kind: 'LIMITED_LIABILITY_COMPANY',
      industry: 'I65',
      businessScope: '软件开发',
      district: 'HUANGDAO',
      address: '前湾港路 1 号',
      zone: 'QINGDAO_FTZ',
      postalCode: '266555',
      registeredCapital: '1000000.00',
      liaisonName: '张联络',
      liaisonPhone: '0532-88888888',
    });
    const saved: DeclarationFieldsFragment = {
      name: '青岛瑞祥泰信息技术有限公司',
      kind: 'LIMITED_LIABILITY_COMPANY',
      industry: { code: 'I65', name: '软件和信息技术服务业' },
      foreignInvested: false,
      businessScope: '软件开发',
      registeredAddress: {
        address: '前湾港路 1 号',
        district: 'HUANGDAO',
        zone: 'QINGDAO_FTZ',
        postalCode: '266555',
        hostingAgreementId: null,
        hostName: null,
      },
      registeredCapital: { amount: '1000000.00', currency: 'CNY' },
      legalRepresentative: null,
      liaison: { name: '张联络', phone: '0532-88888888', email: null },
      operatingTerm: { longTerm: true, endsOn: null },
      investors: [],
      officers: [],
      articlesOfAssociation: null,
      serviceAgent: null,
    };
    expect(fromDeclaration(saved)).toEqual(form);
  });
});

describe('where a userError belongs in the steps', () => {
  it('finds the step of a field path, however deep', () => {
    expect(stepOf('nameReservationId')).toBe(0);
    expect(stepOf('declaration.businessScope')).toBe(0);
    expect(stepOf('declaration.registeredAddress.postalCode')).toBe(1);
    expect(stepOf('declaration.investors.0.subscribedCapital')).toBe(2);
    expect(stepOf('commitment.accepted')).toBe(3);
    expect(stepOf('somethingElse')).toBe(-1);
  });

  it('has a place for each investor and officer on the form', () => {
    const keys = formFieldKeys(emptyForm({ investors: [emptyInvestor(), emptyInvestor()] }));
    expect(keys).toContain('declaration.investors.1.idNumber');
    expect(keys).not.toContain('declaration.investors.2.idNumber');
    expect(keys).toContain('declaration.registeredAddress.postalCode');
  });
});
