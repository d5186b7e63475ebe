// Organisation forms (组织形式) and the enterprise kinds each may name. Sources: 公司法 (有限责任公司
// must carry 有限责任公司 or 有限公司; 股份有限公司 carries 股份有限公司 or 股份公司), 合伙企业法
// (普通/有限/特殊普通合伙 in brackets), 个人独资企业法, 农民专业合作社法, 规定 第十三条 (a branch
// ends in 分公司/分厂/分店), and 个体工商户名称登记管理办法 (an individual business may use 厂、店、
// 馆、部、行、中心、工作室 and the like).

import type { EnterpriseKind } from '../rules/types.js';

export interface OrganisationFormRow {
  readonly form: string;
  /** the kinds this form may name; empty = recognised as a form but fits no kind this platform registers */
  readonly kinds: readonly EnterpriseKind[];
  /** a branch suffix: the text before it is the parent enterprise's name (plus a locality) */
  readonly branch?: true;
}

// Small businesses (individual businesses and sole proprietorships) share the shop-style forms.
const SMALL: readonly EnterpriseKind[] = ['INDIVIDUAL_BUSINESS', 'SOLE_PROPRIETORSHIP'];

export const ORGANISATION_FORMS: readonly OrganisationFormRow[] = [
  { form: '有限责任公司', kinds: ['LIMITED_LIABILITY_COMPANY'] },
  { form: '有限公司', kinds: ['LIMITED_LIABILITY_COMPANY'] },
  { form: '集团有限公司', kinds: ['LIMITED_LIABILITY_COMPANY'] },
  { form: '股份有限公司', kinds: ['JOINT_STOCK_COMPANY'] },
  { form: '股份公司', kinds: ['JOINT_STOCK_COMPANY'] },
  { form: '集团股份有限公司', kinds: ['JOINT_STOCK_COMPANY'] },
  // "公司" alone is the form of ownership-system (全民/集体所有制) enterprises, none of which this
  // platform registers: recognised, so the parse is right, but it fits no kind.
  { form: '公司', kinds: [] },
  { form: '合伙企业', kinds: ['PARTNERSHIP'] },
  { form: '合伙企业（普通合伙）', kinds: ['PARTNERSHIP'] },
  { form: '合伙企业（有限合伙）', kinds: ['PARTNERSHIP'] },
  { form: '合伙企业（特殊普通合伙）', kinds: ['PARTNERSHIP'] },
  { form: '（普通合伙）', kinds: ['PARTNERSHIP'] },
  { form: '（有限合伙）', kinds: ['PARTNERSHIP'] },
  { form: '（特殊普通合伙）', kinds: ['PARTNERSHIP'] },
  { form: '个人独资企业', kinds: ['SOLE_PROPRIETORSHIP'] },
  { form: '分公司', kinds: ['BRANCH'], branch: true },
  { form: '分厂', kinds: ['BRANCH'], branch: true },
  { form: '分店', kinds: ['BRANCH'], branch: true },
  { form: '农民专业合作社', kinds: ['FARMERS_COOPERATIVE'] },
  { form: '专业合作社', kinds: ['FARMERS_COOPERATIVE'] },
  { form: '农民专业合作社联合社', kinds: ['FARMERS_COOPERATIVE'] },
  { form: '专业合作社联合社', kinds: ['FARMERS_COOPERATIVE'] },
  { form: '合作社', kinds: ['FARMERS_COOPERATIVE'] },
  { form: '经营部', kinds: SMALL },
  { form: '门市部', kinds: SMALL },
  { form: '服务部', kinds: SMALL },
  { form: '商店', kinds: SMALL },
  { form: '商行', kinds: SMALL },
  { form: '工作室', kinds: SMALL },
  { form: '中心', kinds: SMALL },
  { form: '店', kinds: SMALL },
  { form: '厂', kinds: SMALL },
  { form: '馆', kinds: SMALL },
  { form: '部', kinds: SMALL },
  { form: '行', kinds: SMALL },
  { form: '坊', kinds: SMALL },
];
