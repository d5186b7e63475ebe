import { registerEnumType } from 'type-graphql';

// The financing vocabulary (domain-rules §5, api.md "金企通 financing"): stable upper-case codes, the
// same strings in the database, the API and the events.

export enum FinancingDemandStatus {
  OPEN = 'OPEN',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(FinancingDemandStatus, {
  name: 'FinancingDemandStatus',
  description: 'Where a financing demand stands.',
  valuesConfig: {
    OPEN: { description: 'Published and open to offers from banks.' },
    MATCHED: { description: 'The enterprise accepted one offer; the other offers were closed.' },
    CLOSED: { description: 'The accepted offer has been disbursed.' },
    WITHDRAWN: { description: 'The enterprise withdrew the demand.' },
    EXPIRED: { description: 'The demand reached its expiry time without an accepted offer.' },
  },
});

export enum FinancingOfferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
  DISBURSED = 'DISBURSED',
}
registerEnumType(FinancingOfferStatus, {
  name: 'FinancingOfferStatus',
  description: 'Where a bank offer stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the enterprise to accept or decline it.' },
    ACCEPTED: { description: 'The enterprise accepted it; the bank now sees the contact person.' },
    DECLINED: { description: 'The enterprise declined it, accepted another offer or withdrew the demand.' },
    WITHDRAWN: { description: 'The bank withdrew it while it was pending.' },
    EXPIRED: { description: 'The demand expired while the offer was pending.' },
    DISBURSED: { description: 'The bank recorded the disbursement of the loan.' },
  },
});

export enum FinancingPurpose {
  WORKING_CAPITAL = 'WORKING_CAPITAL',
  FIXED_ASSETS = 'FIXED_ASSETS',
  TECHNOLOGY_UPGRADE = 'TECHNOLOGY_UPGRADE',
  TRADE_FINANCE = 'TRADE_FINANCE',
  OTHER = 'OTHER',
}
registerEnumType(FinancingPurpose, {
  name: 'FinancingPurpose',
  description: 'What the money is for.',
  valuesConfig: {
    WORKING_CAPITAL: { description: '流动资金 Working capital.' },
    FIXED_ASSETS: { description: '固定资产投资 Fixed-asset investment.' },
    TECHNOLOGY_UPGRADE: { description: '技术改造 Technology upgrade.' },
    TRADE_FINANCE: { description: '贸易融资 Trade finance.' },
    OTHER: { description: '其他 Other purposes.' },
  },
});

export enum GuaranteeType {
  CREDIT = 'CREDIT',
  GUARANTEE = 'GUARANTEE',
  MORTGAGE = 'MORTGAGE',
  PLEDGE = 'PLEDGE',
  GUARANTEE_COMPANY = 'GUARANTEE_COMPANY',
}
registerEnumType(GuaranteeType, {
  name: 'GuaranteeType',
  description: 'How a loan is secured.',
  valuesConfig: {
    CREDIT: { description: '信用 Unsecured, on the enterprise’s credit.' },
    GUARANTEE: { description: '保证 Guaranteed by a third party.' },
    MORTGAGE: { description: '抵押 Secured by a mortgage.' },
    PLEDGE: { description: '质押 Secured by a pledge.' },
    GUARANTEE_COMPANY: { description: '担保公司 Guaranteed by a guarantee company.' },
  },
});

export enum CreditProductStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(CreditProductStatus, {
  name: 'CreditProductStatus',
  description: 'Whether a credit product is offered.',
  valuesConfig: {
    ACTIVE: { description: 'Offered: enterprises can browse it and banks can attach it to offers.' },
    RETIRED: { description: 'No longer offered; offers made with it keep it.' },
  },
});

export enum CreditProductAudience {
  ALL = 'ALL',
  SMALL_AND_MICRO = 'SMALL_AND_MICRO',
  TECHNOLOGY = 'TECHNOLOGY',
  FOREIGN_INVESTED = 'FOREIGN_INVESTED',
  FOREIGN_TRADE = 'FOREIGN_TRADE',
  AGRICULTURE = 'AGRICULTURE',
  STARTUP = 'STARTUP',
}
registerEnumType(CreditProductAudience, {
  name: 'CreditProductAudience',
  description: 'Which enterprises a credit product is meant for.',
  valuesConfig: {
    ALL: { description: 'Any enterprise.' },
    SMALL_AND_MICRO: { description: '小微企业 Small and micro enterprises.' },
    TECHNOLOGY: { description: '科技型企业 Technology enterprises.' },
    FOREIGN_INVESTED: { description: '外商投资企业 Foreign-invested enterprises.' },
    FOREIGN_TRADE: { description: '外贸企业 Import and export enterprises.' },
    AGRICULTURE: { description: '涉农企业 Agricultural enterprises.' },
    STARTUP: { description: '初创企业 Start-ups.' },
  },
});

export enum FinancingDemandOrderField {
  PUBLISHED_AT = 'PUBLISHED_AT',
  AMOUNT = 'AMOUNT',
}
registerEnumType(FinancingDemandOrderField, {
  name: 'FinancingDemandOrderField',
  description: 'What financing demands can be sorted by.',
  valuesConfig: {
    PUBLISHED_AT: { description: 'When the demand was published.' },
    AMOUNT: { description: 'The amount asked for.' },
  },
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Smallest or oldest first.' },
    DESC: { description: 'Largest or newest first.' },
  },
});

export enum FinancingStatsGrouping {
  DISTRICT = 'DISTRICT',
  INDUSTRY = 'INDUSTRY',
  BANK = 'BANK',
  MONTH = 'MONTH',
}
registerEnumType(FinancingStatsGrouping, {
  name: 'FinancingStatsGrouping',
  description: 'How financingStats groups its rows.',
  valuesConfig: {
    DISTRICT: { description: 'By the district of the enterprise (at publication).' },
    INDUSTRY: { description: 'By the GB/T 4754-2017 division of the enterprise (at publication).' },
    BANK: { description: 'By the bank that made offers.' },
    MONTH: { description: 'By the month (Asia/Shanghai) the demand was published, written YYYY-MM.' },
  },
});
