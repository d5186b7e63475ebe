import { defineMessages } from '../../shared/messages.js';

// Texts of the hosting service (errors, notifications), in both languages.

export const hostingMessages = defineMessages({
  'hosting.notHostAgent': {
    zh: '您的账户未关联律师事务所或会计师事务所。',
    en: 'Your account is not linked to a law firm or accounting firm.',
  },
  'hosting.kindMismatch': {
    zh: '事务所类型与您所在机构的类型不符。',
    en: 'The kind of firm does not match your organisation.',
  },
  'hosting.usccInvalid': {
    zh: '统一社会信用代码无效（校验位不符或格式错误）。',
    en: 'The unified social credit code is not valid (wrong check character or format).',
  },
  'hosting.licenceFormat': {
    zh: '执业许可证号应为 1 至 50 个字母、数字或连字符。',
    en: 'The practising-licence number is 1 to 50 letters, digits or hyphens.',
  },
  'hosting.hostExists': {
    zh: '您的事务所已申请或已是托管机构（状态：{state}）。',
    en: 'Your firm has already applied or is a host (status {state}).',
  },
  'hosting.noHost': {
    zh: '您的事务所尚未成为经核验的托管机构。',
    en: 'Your firm is not a verified host yet.',
  },
  'hosting.hostNotVerified': {
    zh: '该托管机构当前不接受新的托管（状态：{state}）。',
    en: 'This host takes no new enterprises now (status {state}).',
  },
  'hosting.rule.floorArea': {
    zh: '不符合托管规则“每户托管企业办公面积不少于 {perEnterprise} 平方米”：{floorArea} 平方米最多可托管 {max} 户。',
    en: 'Breaks the host rule “at least {perEnterprise} m² of office per hosted enterprise”: {floorArea} m² allow at most {max}.',
  },
  'hosting.rule.secretaries': {
    zh: '不符合托管规则“每 {perSecretary} 户托管企业配备 1 名专职秘书”：{secretaries} 名专职秘书最多可托管 {max} 户（本机构各地址合计）。',
    en: 'Breaks the host rule “one full-time secretary per {perSecretary} hosted enterprises”: {secretaries} secretaries allow at most {max} across all your addresses.',
  },
  'hosting.capacityBelowOccupancy': {
    zh: '容量不能低于当前已托管的企业数（{occupied} 户）。',
    en: 'The capacity cannot be below the enterprises hosted now ({occupied}).',
  },
  'hosting.zoneDistrict': {
    zh: '该片区不在所选区（市）内。',
    en: 'That zone does not lie in the chosen district.',
  },
  'hosting.addressClosed': { zh: '该托管地址已停止接收新企业。', en: 'This address takes no new enterprises.' },
  'hosting.full': { zh: '该托管地址已满，没有空余名额。', en: 'This address is full: no free slot.' },
  'hosting.oneSubject': {
    zh: '请指定一个已保留的名称或一家您代理的企业（二选一）。',
    en: 'Give either a name you reserved or an enterprise you act for (one of them).',
  },
  'hosting.alreadyOpen': {
    zh: '该企业（名称）已有申请中或生效中的托管协议。',
    en: 'This enterprise (name) already has a requested or active hosting agreement.',
  },
  'hosting.reasonRequired': { zh: '请说明理由。', en: 'Give a reason.' },
  'hosting.notHostedHere': {
    zh: '该企业未在您的事务所托管（没有生效中的托管协议）。',
    en: 'That enterprise is not hosted by your firm (no active hosting agreement).',
  },
  'hosting.dateOrder': {
    zh: '转递日期不能早于收到日期，也不能晚于今天。',
    en: 'The forwarding date cannot be before the day received, nor after today.',
  },
  'hosting.alreadyAcknowledged': { zh: '该文书已确认收到。', en: 'This item was already acknowledged.' },
  'hosting.reportPending': {
    zh: '该企业已有一份待处理的无法联系报告。',
    en: 'There is already a pending unreachable report for this enterprise.',
  },
  'hosting.simplifiedDeregistrationBarred': {
    zh: '企业已被列入经营异常名录（自 {since}：{reason}），不适用简易注销（《市场主体登记管理条例实施细则》第四十八条）。',
    en: 'The enterprise is on the abnormal-operations list (since {since}: {reason}), so simplified deregistration is not available (Implementing Rules, Art. 48).',
  },
  'hosting.alreadyListed': {
    zh: '该企业已在经营异常名录中。',
    en: 'This enterprise is already on the abnormal-operations list.',
  },
  'hosting.notListed': {
    zh: '该企业不在经营异常名录中。',
    en: 'This enterprise is not on the abnormal-operations list.',
  },
  'hosting.settingsRange': {
    // Shown at the field it concerns, so it does not name the field (an API name in a sentence).
    zh: '请填写 1 至 {max} 之间的整数。',
    en: 'Give a whole number from 1 to {max}.',
  },
  'hosting.agreementNotActive': {
    zh: '所选托管协议不是生效中的协议。',
    en: 'The hosting agreement chosen is not active.',
  },
  // Notifications
  'hosting.notify.hostDecided.title': { zh: '托管机构申请结果', en: 'Host application decided' },
  'hosting.notify.hostVerified.body': {
    zh: '“{name}”已核验为住所托管机构，可以添加托管地址。',
    en: '“{name}” is verified as a host; you may add hosted addresses.',
  },
  'hosting.notify.hostRefused.body': {
    zh: '“{name}”的托管机构申请未获通过：{reason}',
    en: 'The host application of “{name}” was refused: {reason}',
  },
  'hosting.notify.hostSuspended.body': {
    zh: '“{name}”已被暂停托管资格（已有协议继续有效）：{reason}',
    en: '“{name}” was suspended as a host (existing agreements stay): {reason}',
  },
  'hosting.notify.requested.title': { zh: '新的托管申请', en: 'New hosting request' },
  'hosting.notify.requested.body': {
    zh: '“{enterprise}”申请在 {address} 托管住所。',
    en: '“{enterprise}” asks to be hosted at {address}.',
  },
  'hosting.notify.accepted.title': { zh: '托管申请已接受', en: 'Hosting request accepted' },
  'hosting.notify.accepted.body': {
    zh: '{address} 已接受“{enterprise}”的托管申请。',
    en: '{address} accepted the hosting of “{enterprise}”.',
  },
  'hosting.notify.refused.title': { zh: '托管申请被拒绝', en: 'Hosting request refused' },
  'hosting.notify.refused.body': {
    zh: '{address} 拒绝了“{enterprise}”的托管申请：{reason}',
    en: '{address} refused to host “{enterprise}”: {reason}',
  },
  'hosting.notify.terminated.title': { zh: '托管协议已终止', en: 'Hosting agreement terminated' },
  'hosting.notify.terminatedByHost.body': {
    zh: '托管机构终止了“{enterprise}”在 {address} 的托管：{reason}。该企业须办理住所变更登记。',
    en: 'The host ended the hosting of “{enterprise}” at {address}: {reason}. The enterprise must file a change registration of its address.',
  },
  'hosting.notify.terminatedByEnterprise.body': {
    zh: '“{enterprise}”终止了在 {address} 的托管：{reason}',
    en: '“{enterprise}” ended its hosting at {address}: {reason}',
  },
  'hosting.notify.forwarded.title': { zh: '托管机构转递了文书', en: 'A document was forwarded to you' },
  'hosting.notify.forwarded.body': {
    zh: '“{sender}”寄给“{enterprise}”的文书已于 {forwardedOn} 转递，请在 {acknowledgeBy} 前确认收到。',
    en: 'An item from “{sender}” for “{enterprise}” was forwarded on {forwardedOn}; acknowledge it by {acknowledgeBy}.',
  },
  'hosting.notify.listed.title': { zh: '列入经营异常名录', en: 'Listed as operating abnormally' },
  'hosting.notify.listed.body': {
    zh: '“{enterprise}”已被列入经营异常名录：{reason}',
    en: '“{enterprise}” was put on the abnormal-operations list: {reason}',
  },
  'hosting.notify.removed.title': { zh: '移出经营异常名录', en: 'Removed from the abnormal-operations list' },
  'hosting.notify.removed.body': {
    zh: '“{enterprise}”已移出经营异常名录。',
    en: '“{enterprise}” was removed from the abnormal-operations list.',
  },
});
