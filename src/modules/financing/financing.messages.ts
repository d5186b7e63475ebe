import { defineMessages } from '../../shared/messages.js';

// The financing module's texts in both languages. None of them ever carries a contact person's
// phone or identity number: messages reach banks too.

export const financingMessages = defineMessages({
  'financing.settingsRange': {
    // Shown at the field it concerns, so it does not name the field.
    zh: '请填写 1 至 {max} 之间的整数（天）。',
    en: 'Give a whole number of days from 1 to {max}.',
  },
  'financing.enterpriseNotFound': {
    zh: '未找到该企业，或您不是该企业的经办人。',
    en: 'The enterprise was not found or you do not act for it.',
  },
  'financing.enterpriseNotActive': {
    zh: '只有存续（在营）的已登记企业可以发布融资需求。',
    en: 'Only registered enterprises in active status can publish financing demands.',
  },
  'financing.invalidIndustry': {
    zh: '行业代码不在 GB/T 4754-2017 行业大类表中，例如 I65。',
    en: 'The industry code is not a GB/T 4754-2017 division, e.g. I65.',
  },
  'financing.amountInvalid': {
    zh: '金额应为元，最多两位小数，例如 1500000.00。',
    en: 'Write the amount in yuan with at most two decimals, e.g. 1500000.00.',
  },
  'financing.amountOutOfRange': {
    zh: '金额应在 {min} 元至 {max} 元之间。',
    en: 'The amount must be between {min} and {max} yuan.',
  },
  'financing.termOutOfRange': {
    zh: '期限应在 {min} 至 {max} 个月之间。',
    en: 'The term must be between {min} and {max} months.',
  },
  'financing.rateInvalid': {
    zh: '年利率以百分数书写，最多四位小数，例如 4.35。',
    en: 'Write the annual rate in percent with at most four decimals, e.g. 4.35.',
  },
  'financing.rateOutOfRange': {
    zh: '年利率应大于 0 且不超过 {max}%。',
    en: 'The annual rate must be above 0 and at most {max}%.',
  },
  'financing.desiredOnPast': { zh: '期望放款日期不能早于今天。', en: 'The desired date cannot be before today.' },
  'financing.phoneInvalid': {
    zh: '请输入手机号码或带区号的固定电话。',
    en: 'Enter a mobile number or a landline number with its area code.',
  },
  'financing.idNumberInvalid': {
    zh: '居民身份证号码无效（应为 18 位且校验位正确）。',
    en: 'The identity card number is not valid (18 characters with a correct check character).',
  },
  'financing.demandNotFound': { zh: '未找到该融资需求。', en: 'The financing demand was not found.' },
  'financing.demandNotOpen': {
    zh: '该融资需求已不再接受报价（当前状态：{state}）。',
    en: 'This financing demand no longer takes offers (status {state}).',
  },
  'financing.demandNotWithdrawable': {
    zh: '只有开放中的融资需求可以撤回（当前状态：{state}）。',
    en: 'Only an open financing demand can be withdrawn (status {state}).',
  },
  'financing.offerNotFound': { zh: '未找到该报价。', en: 'The offer was not found.' },
  'financing.offerNotPending': {
    zh: '该报价已不是待处理状态（当前状态：{state}）。',
    en: 'This offer is no longer pending (status {state}).',
  },
  'financing.offerNotAccepted': {
    zh: '只有已被接受的报价可以登记放款（当前状态：{state}）。',
    en: 'Only an accepted offer can have a disbursement recorded (status {state}).',
  },
  'financing.offerAmountAboveDemand': {
    zh: '报价金额不能超过需求金额 {max} 元。',
    en: 'The offer cannot exceed the amount asked for, {max} yuan.',
  },
  'financing.offerRateAboveCeiling': {
    zh: '报价年利率超过了企业可接受的上限 {max}%。',
    en: 'The rate is above the ceiling the enterprise accepts, {max}%.',
  },
  'financing.pendingOfferExists': {
    zh: '贵行对该需求已有一条待处理的报价，请先撤回再重新报价。',
    en: 'Your bank already has a pending offer on this demand. Withdraw it before making another.',
  },
  'financing.productNotFound': { zh: '未找到贵行的该信贷产品。', en: 'Your bank has no such credit product.' },
  'financing.productNotActive': { zh: '该信贷产品已下架。', en: 'This credit product has been retired.' },
  'financing.offerOutsideProduct': {
    zh: '报价超出该信贷产品的范围：{what}。',
    en: 'The offer is outside the range of this credit product: {what}.',
  },
  'financing.productGuaranteeMismatch': {
    zh: '该信贷产品不支持此需求的担保方式。',
    en: 'This credit product does not take the guarantee type of the demand.',
  },
  'financing.rangeReversed': { zh: '下限不能大于上限。', en: 'The minimum cannot be above the maximum.' },
  'financing.productNameTaken': {
    zh: '贵行已有同名的在售信贷产品。',
    en: 'Your bank already offers an active credit product with this name.',
  },
  'financing.guaranteeTypesRequired': { zh: '至少选择一种担保方式。', en: 'Choose at least one guarantee type.' },
  'financing.audienceRequired': { zh: '至少选择一类目标企业。', en: 'Choose at least one target audience.' },
  'financing.urlInvalid': { zh: '请输入 https 开头的网址。', en: 'Enter an address starting with https://.' },
  'financing.disbursedAmountOutOfRange': {
    zh: '放款金额应大于 0 且不超过报价金额 {max} 元。',
    en: 'The disbursed amount must be above 0 and at most the offered {max} yuan.',
  },
  'financing.disbursedOnOutOfRange': {
    zh: '放款日期应在接受报价之日（{from}）与今天之间。',
    en: 'The disbursement date must be between the day the offer was accepted ({from}) and today.',
  },
  'financing.notBank': {
    zh: '您的账号未关联银行，不能执行此操作。',
    en: 'Your account is not linked to a bank, so it cannot do this.',
  },
  'financing.tooManyAlerts': {
    zh: '最多保存 {max} 个需求提醒。',
    en: 'You can keep at most {max} demand alerts.',
  },
  'financing.alertNotFound': { zh: '未找到该需求提醒。', en: 'The demand alert was not found.' },
  'financing.statsRange': {
    zh: '统计区间的开始日期不能晚于结束日期，且跨度不超过 5 年。',
    en: 'The start date must not be after the end date, and the range may span at most 5 years.',
  },
  'financing.notify.offerReceived.title': { zh: '收到新的融资报价', en: 'New financing offer' },
  'financing.notify.offerReceived.body': {
    zh: '{bank} 对您的融资需求 {number} 报价 {amount} 元，年利率 {rate}%。',
    en: '{bank} offered {amount} yuan at {rate}% a year on your financing demand {number}.',
  },
  'financing.notify.offerAccepted.title': { zh: '报价已被接受', en: 'Offer accepted' },
  'financing.notify.offerAccepted.body': {
    zh: '企业接受了贵行对融资需求 {number} 的报价，现在可以查看联系人。',
    en: 'The enterprise accepted your offer on financing demand {number}; you can now see its contact person.',
  },
  'financing.notify.offerDeclined.title': { zh: '报价未被采纳', en: 'Offer closed' },
  'financing.notify.offerDeclined.body': {
    zh: '贵行对融资需求 {number} 的报价未被采纳。',
    en: 'Your offer on financing demand {number} was declined or closed.',
  },
  'financing.notify.demandPublished.title': { zh: '有新的融资需求', en: 'New financing demand' },
  'financing.notify.demandPublished.body': {
    zh: '符合提醒「{alert}」的新融资需求 {number}：{amount} 元，{term} 个月。',
    en: 'New financing demand {number} matches your alert "{alert}": {amount} yuan for {term} months.',
  },
});
