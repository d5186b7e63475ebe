// The names rules' texts for people, registered in the platform catalogue (shared/messages) so the
// API can render them in the caller's language; every rule result also carries both renderings.

import { defineMessages, translate } from '../../../shared/messages.js';
import type { EnterpriseKind, ProhibitedCategory, RenderedMessage } from './types.js';

defineMessages({
  'names.violation.NON_CHINESE_CHARACTERS': {
    zh: '企业名称应当使用规范汉字，不得含有“{term}”',
    en: 'An enterprise name must be written in standard Chinese characters; “{term}” may not be used.',
  },
  'names.violation.TRADE_NAME_TOO_SHORT': {
    zh: '字号应当由两个以上汉字组成（字号：“{term}”）',
    en: 'The trade name must have at least two Chinese characters (trade name: “{term}”).',
  },
  'names.violation.TRADE_NAME_MISSING': {
    zh: '名称缺少字号，字号应当由两个以上汉字组成',
    en: 'The name has no trade name; a trade name has at least two Chinese characters.',
  },
  'names.violation.TRADE_NAME_IS_DIVISION': {
    zh: '字号“{term}”是县级以上行政区划名称，不得作为字号',
    en: 'The trade name “{term}” is the name of an administrative division and may not be used as a trade name.',
  },
  'names.violation.TRADE_NAME_IS_INDUSTRY_WORD': {
    zh: '字号“{term}”是行业或者经营特点表述，不得作为字号',
    en: 'The trade name “{term}” is an industry word and may not be used as a trade name.',
  },
  'names.violation.PROHIBITED_WORD': {
    zh: '名称含有禁止使用的字词“{term}”（{categoryZh}）',
    en: 'The name contains the prohibited word “{term}” ({categoryEn}).',
  },
  'names.violation.ORGANISATION_FORM_MISSING': {
    zh: '名称缺少组织形式，如“有限公司”“合伙企业”',
    en: 'The name has no organisation form such as 有限公司 (limited company) or 合伙企业 (partnership).',
  },
  'names.violation.ORGANISATION_FORM_MISMATCH': {
    zh: '组织形式“{term}”与企业类型“{kindZh}”不符',
    en: 'The organisation form “{term}” does not fit the enterprise kind “{kindEn}”.',
  },
  'names.violation.ORGANISATION_FORM_NOT_REGISTRABLE': {
    zh: '组织形式“{term}”不适用于可登记的企业类型，请使用如“有限公司”等组织形式',
    en: 'The organisation form “{term}” fits no enterprise kind registered here; use a form such as 有限公司.',
  },
  'names.violation.BRACKETED_CHINA_NOT_FOREIGN': {
    zh: '只有使用外国投资者字号的外商投资企业，名称中才可以含有“（中国）”',
    en: 'Only a foreign-invested enterprise using its foreign investor’s trade name may have “（中国）” in its name.',
  },
  'names.violation.NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY': {
    zh: '名称中间含有“{term}”的，该字词应当是行业限定语，紧接在行业表述之前',
    en: '“{term}” inside a name may only qualify the industry, standing right before the industry word.',
  },
  'names.violation.DIVISION_NOT_LOCAL': {
    zh: '行政区划“{term}”不是企业所在地的行政区划',
    en: 'The administrative division “{term}” is not where the enterprise is located.',
  },
  'names.violation.DIVISION_NOT_BRACKETED': {
    zh: '行政区划“{term}”放在字号之后的，应当加注括号，如“{tradeName}（{term}）”',
    en: 'An administrative division after the trade name must stand in brackets, e.g. “{tradeName}（{term}）”.',
  },
  'names.violation.RESERVED_TO_STATE_COUNCIL': {
    zh: '冠以“{term}”的企业名称须经国务院批准，本市登记机关不予核准（包括告知承诺方式）',
    en: 'A name beginning with “{term}” needs the approval of the State Council; no registry of the city may grant it, with or without a commitment.',
  },
  'names.violation.DISTRICT_WITHOUT_CITY': {
    zh: '市辖区或新区名称“{term}”应当与其所属的市的名称连用，如“青岛{term}”',
    en: 'The district or new-area name “{term}” must follow its city’s name, e.g. “青岛{term}”.',
  },
  'names.violation.INDUSTRY_CODE_UNKNOWN': {
    zh: '行业代码“{term}”不在《国民经济行业分类》（GB/T 4754-2017）中',
    en: 'The industry code “{term}” is not a GB/T 4754-2017 division.',
  },
  'names.special.NO_DIVISION': {
    zh: '名称不含行政区划',
    en: 'The name has no administrative division.',
  },
  'names.special.DIVISION_IN_MIDDLE': {
    zh: '行政区划“{term}”加注括号放在字号之后',
    en: 'The administrative division “{term}” stands after the trade name, in brackets.',
  },
  'names.special.STARTS_WITH_NATIONAL_WORD': {
    zh: '名称冠以“{term}”',
    en: 'The name begins with “{term}”.',
  },
  'names.special.CONTAINS_INTERNATIONAL': {
    zh: '名称含有“{term}”字样',
    en: 'The name contains “{term}”.',
  },
  'names.special.BRACKETED_CHINA': {
    zh: '名称含有“（中国）”字样',
    en: 'The name contains “（中国）”.',
  },
  'names.conflict.IDENTICAL_TRADE_NAME_SAME_INDUSTRY': {
    zh: '字号“{tradeName}”与行业表述“{industry}”均与已有名称相同',
    en: 'The trade name “{tradeName}” and the industry “{industry}” are both those of an existing name.',
  },
  'names.conflict.IDENTICAL_TRADE_NAME_NO_INDUSTRY': {
    zh: '字号“{tradeName}”与已有名称相同，且其中一个名称不含行业表述',
    en: 'The trade name “{tradeName}” is that of an existing name, and one of the two has no industry word.',
  },
  'names.conflict.IDENTICAL_REORDERED': {
    zh: '“{candidate}”与已有名称“{existing}”文字相同，仅排列顺序不同',
    en: '“{candidate}” has the same characters as the existing “{existing}”, only in another order.',
  },
  'names.conflict.SIMILAR_SYNONYM_INDUSTRY': {
    zh: '字号“{tradeName}”相同，行业表述“{industry}”与“{otherIndustry}”含义相同',
    en: 'The same trade name “{tradeName}” with industry words of the same meaning (“{industry}”, “{otherIndustry}”).',
  },
  'names.conflict.SIMILAR_HOMOPHONE': {
    zh: '字号“{tradeName}”与同行业的“{otherTradeName}”读音相同',
    en: 'The trade name “{tradeName}” sounds the same as “{otherTradeName}” in the same industry.',
  },
  'names.conflict.IDENTICAL_WITHHELD_NAME': {
    zh: '与一个已登记的名称相同；该名称因责令更名暂不公开',
    en: 'The same in law as a registered name that is withheld pending a forced change of name.',
  },
  'names.conflict.withheldName': {
    zh: '（暂不公开的名称）',
    en: '(name withheld)',
  },
  'names.conflict.SIMILAR_CONTAINS': {
    zh: '字号“{tradeName}”与同行业的“{otherTradeName}”存在包含关系',
    en: 'The trade name “{tradeName}” and “{otherTradeName}” in the same industry contain one another.',
  },
});

const CATEGORY_LABELS: Record<ProhibitedCategory, { zh: string; en: string }> = {
  NATIONAL_DIGNITY: { zh: '损害国家尊严或者利益', en: 'harms national dignity or interests' },
  PUBLIC_ORDER: { zh: '损害社会公共利益或者妨碍社会公共秩序', en: 'harms the public interest or public order' },
  PARTY_STATE_MILITARY: {
    zh: '政党、党政军机关、群团组织名称或者特定称谓',
    en: 'name of a political party, a state or military organ, or a mass organisation',
  },
  FOREIGN_OR_INTERNATIONAL: {
    zh: '外国国家（地区）或者国际组织名称',
    en: 'name of a foreign country or an international organisation',
  },
  OBSCENITY: { zh: '淫秽、色情内容', en: 'obscenity' },
  GAMBLING: { zh: '赌博内容', en: 'gambling' },
  SUPERSTITION: { zh: '迷信内容', en: 'superstition' },
  TERROR: { zh: '恐怖内容', en: 'terror' },
  VIOLENCE: { zh: '暴力内容', en: 'violence' },
  DISCRIMINATION: { zh: '民族、种族、宗教、性别歧视', en: 'discrimination by nationality, race, religion or sex' },
  PUBLIC_MORALS: { zh: '违背公序良俗', en: 'against public order and good morals' },
  MISLEADING: { zh: '可能使公众受骗或者产生误解', en: 'may deceive or mislead the public' },
};

const KIND_LABELS: Record<EnterpriseKind, { zh: string; en: string }> = {
  LIMITED_LIABILITY_COMPANY: { zh: '有限责任公司', en: 'limited liability company' },
  JOINT_STOCK_COMPANY: { zh: '股份有限公司', en: 'joint-stock company' },
  PARTNERSHIP: { zh: '合伙企业', en: 'partnership' },
  SOLE_PROPRIETORSHIP: { zh: '个人独资企业', en: 'sole proprietorship' },
  BRANCH: { zh: '分支机构', en: 'branch' },
  FARMERS_COOPERATIVE: { zh: '农民专业合作社', en: "farmers' cooperative" },
  INDIVIDUAL_BUSINESS: { zh: '个体工商户', en: 'individual business' },
};

export function categoryParams(category: ProhibitedCategory): Record<string, string> {
  const label = CATEGORY_LABELS[category];
  return { category, categoryZh: label.zh, categoryEn: label.en };
}

export function kindParams(kind: EnterpriseKind): Record<string, string> {
  const label = KIND_LABELS[kind];
  return { kind, kindZh: label.zh, kindEn: label.en };
}

export function render(messageKey: string, params: Record<string, string> = {}): RenderedMessage {
  return {
    messageKey,
    params,
    zh: translate('ZH_CN', messageKey, params),
    en: translate('EN', messageKey, params),
  };
}
