// The value lists of declared registration items: kinds of enterprise, districts of Qingdao, zones.

export const ENTERPRISE_KIND_VALUES = [
  'LIMITED_LIABILITY_COMPANY',
  'JOINT_STOCK_COMPANY',
  'PARTNERSHIP',
  'SOLE_PROPRIETORSHIP',
  'BRANCH',
  'FARMERS_COOPERATIVE',
  'INDIVIDUAL_BUSINESS',
] as const;
export type EnterpriseKindValue = (typeof ENTERPRISE_KIND_VALUES)[number];

export const DISTRICT_VALUES = [
  'SHINAN',
  'SHIBEI',
  'HUANGDAO',
  'LAOSHAN',
  'LICANG',
  'CHENGYANG',
  'JIMO',
  'JIAOZHOU',
  'PINGDU',
  'LAIXI',
] as const;
export type DistrictValue = (typeof DISTRICT_VALUES)[number];

export const ZONE_VALUES = ['QINGDAO_FTZ', 'SCO_DEMO_ZONE', 'NONE'] as const;
export type ZoneValue = (typeof ZONE_VALUES)[number];
