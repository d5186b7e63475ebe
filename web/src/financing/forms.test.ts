import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatExactAmount, formatFraction, formatLoanAmount, formatRate, startOfQingdaoDay } from './format';
import { checkProductForm, emptyProductForm, toDemandInput, emptyDemandForm } from './forms';
import { en, zh } from './messages';
import { EMPTY_SEARCH, toDemandFilter } from './WorkbenchPage';

describe('the workbench search', () => {
  it('sends every filter of the API that is filled in', () => {
    expect(
      toDemandFilter({
        districts: ['LAOSHAN', 'SHINAN'],
        industries: 'i65, C34，K70',
        amountMin: '100000',
        amountMax: '5000000.50',
        termMonthsMax: '36',
        guaranteeTypes: ['CREDIT', 'PLEDGE'],
        foreignInvested: 'false',
        publishedAfter: '2026-11-01',
      }),
    ).toEqual({
      districts: ['LAOSHAN', 'SHINAN'],
      industries: ['I65', 'C34', 'K70'],
      amountMin: { amount: '100000', currency: 'CNY' },
      amountMax: { amount: '5000000.50', currency: 'CNY' },
      termMonthsMax: 36,
      guaranteeTypes: ['CREDIT', 'PLEDGE'],
      foreignInvested: false,
      publishedAfter: '2026-11-01T00:00:00+08:00',
    });
  });

  it('sends no filter for empty or malformed fields', () => {
    expect(toDemandFilter(EMPTY_SEARCH)).toEqual({});
    expect(
      toDemandFilter({ ...EMPTY_SEARCH, amountMin: '1e5', termMonthsMax: 'x', publishedAfter: '2026-1-1' }),
    ).toEqual({});
  });
});

describe('the demand input', () => {
  it('trims, upper-cases the industry and leaves empty optional fields null', () => {
    const input = toDemandInput({
      ...emptyDemandForm('E1'),
      amount: ' 2000000 ',
      termMonths: '24',
      purpose: 'OTHER',
      guaranteeType: 'MORTGAGE',
      industry: 'i65',
      contactName: ' 王海川 ',
      contactPhone: '0532-88888888',
      contactConsent: true,
    });
    expect(input).toMatchObject({
      enterpriseId: 'E1',
      amount: { amount: '2000000', currency: 'CNY' },
      termMonths: 24,
      industry: 'I65',
      collateral: null,
      maxAnnualRate: null,
      desiredOn: null,
      contact: { name: '王海川', phone: '0532-88888888', email: null, idNumber: null },
      contactConsent: true,
    });
  });
});

describe('the credit product form', () => {
  it('asks for at least one guarantee and audience, and for ranges in order', () => {
    const problems = checkProductForm({
      ...emptyProductForm(),
      name: '普惠信用贷',
      description: '纯信用',
      minAmount: '3000000',
      maxAmount: '100000',
      minTermMonths: '3',
      maxTermMonths: '36',
      minAnnualRate: '4.80',
      maxAnnualRate: '3.45',
    });
    expect(problems).toEqual({
      minAmount: 'minAboveMax',
      minAnnualRate: 'minAboveMax',
      guaranteeTypes: 'chooseOne',
      audience: 'chooseOne',
    });
  });
});

describe('financing figures for people', () => {
  // Intl puts a no-break space between the code and the number.
  const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

  it('writes loan amounts in 万元 in Chinese and in CNY in English', () => {
    expect(formatLoanAmount({ amount: '3000000.00', currency: 'CNY' }, 'zh-CN')).toBe('300万元');
    expect(formatLoanAmount({ amount: '1234567.00', currency: 'CNY' }, 'zh-CN')).toBe('123.46万元');
    expect(spaced(formatLoanAmount({ amount: '3000000.00', currency: 'CNY' }, 'en'))).toBe('CNY 3,000,000');
    expect(formatExactAmount({ amount: '3000000.00', currency: 'CNY' }, 'zh-CN')).toBe('¥3,000,000.00');
    expect(spaced(formatExactAmount({ amount: '3000000.5', currency: 'CNY' }, 'en'))).toBe('CNY 3,000,000.50');
  });

  it('writes rates as percentages and days as Qingdao instants', () => {
    expect(formatRate('4.35', 'en')).toBe('4.35%');
    expect(formatFraction('0.9512', 'zh-CN')).toBe('95.1%');
    expect(formatFraction(null, 'en')).toBe('—');
    expect(startOfQingdaoDay('2026-12-01')).toBe('2026-12-01T00:00:00+08:00');
  });
});

describe('the financing texts', () => {
  const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'));

  it.each(Object.keys(zh.financing.enums))('label every value of %s in both languages', (name) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType)
      .getValues()
      .map((value) => value.name)
      .sort();
    const pick = (messages: typeof zh) =>
      Object.keys((messages.financing.enums as Record<string, Record<string, string>>)[name]!).sort();
    expect(pick(zh)).toEqual(values);
    expect(pick(en)).toEqual(values);
  });
});
