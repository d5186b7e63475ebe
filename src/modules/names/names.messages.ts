import { defineMessages } from '../../shared/messages.js';

// Texts of the names service (errors, notifications); the rules' own texts are in rules/messages.ts.

export const namesMessages = defineMessages({
  'names.admin.wordFormat': {
    zh: '字词应为 1 至 50 个汉字。',
    en: 'A word is 1 to 50 Chinese characters.',
  },
  'names.admin.wordListed': { zh: '“{word}”已在列表中。', en: '“{word}” is already on the list.' },
  'names.admin.wordNotListed': { zh: '“{word}”不在列表中。', en: '“{word}” is not on the list.' },
  'names.admin.windowRange': {
    zh: '核查期限应为 1 至 {max} 个工作日。',
    en: 'The verification window is 1 to {max} working days.',
  },
  'names.reserve.conflict': {
    zh: '与已有名称“{existingName}”冲突：{detailZh}',
    en: 'Conflicts with the existing name “{existingName}”: {detailEn}',
  },
  'names.reserve.takenConcurrently': {
    zh: '该名称刚被他人保留，请更换名称。',
    en: 'Someone reserved this name a moment ago. Choose another name.',
  },
  'names.reserve.commitmentRequired': {
    zh: '该名称属于特殊名称（{reasonsZh}），须先阅读并接受第 {version} 版告知承诺书，方可当场取得名称。',
    en: 'This is a special name ({reasonsEn}): accept version {version} of the commitment terms to be granted it at once.',
  },
  'names.reserve.commitmentNotAccepted': {
    zh: '请勾选接受告知承诺书。',
    en: 'Accept the commitment terms.',
  },
  'names.reserve.termsVersionOutdated': {
    zh: '告知承诺书已更新为第 {version} 版，请阅读新版本后重新承诺。',
    en: 'The commitment terms are now at version {version}: read them and commit again.',
  },
  'names.reserve.signatoryRequired': {
    zh: '请填写承诺人姓名。',
    en: 'Enter the name of the person signing the commitment.',
  },
  'names.reserve.undertakingRequired': {
    zh: '申报任何企业名称均须阅读并接受第 {version} 版《企业名称相同相近承诺书》：名称如与他人名称相同或者近似，依法承担相应法律责任（《企业名称登记管理规定》第十六条第三项）。',
    en: 'Every name reservation needs the undertaking on similar names, version {version}: to bear the legal liability should the name prove identical or similar to another (Provisions Art. 16(3)).',
  },
  'names.reserve.undertakingNotAccepted': {
    zh: '请勾选接受相同相近名称承诺书。',
    en: 'Accept the undertaking on similar names.',
  },
  'names.reserve.undertakingOutdated': {
    zh: '相同相近名称承诺书已更新为第 {version} 版，请阅读新版本后重新承诺。',
    en: 'The undertaking on similar names is now at version {version}: read it and accept it again.',
  },
  'names.transfer.email': {
    zh: '请填写受让方账户的电子邮箱。',
    en: "Enter the e-mail of the transferee's account.",
  },
  'names.transfer.toSelf': {
    zh: '不能将企业名称转让给自己。',
    en: 'A name cannot be transferred to yourself.',
  },
  'names.transfer.validUntilRange': {
    zh: '有效期应在 {from} 至 {to} 之间。',
    en: 'The consent must end between {from} and {to}.',
  },
  'names.admin.notADivisionName': {
    zh: '“{word}”不是县级以上行政区划名称，无须列为例外。',
    en: '“{word}” is not the name of a county-level or higher division: it needs no exception.',
  },
  'names.admin.localDivisionName': {
    zh: '“{word}”是企业名称中可以使用的行政区划名称（省级、主要城市或本市各区），不能列为例外。',
    en: '“{word}” is a division a name may stand with (a province, a major city or one of this city’s districts) and cannot be an exception.',
  },
  'names.admin.meaningTooLong': {
    zh: '含义说明不超过 {max} 个字符。',
    en: 'The meaning is at most {max} characters.',
  },
  'names.reservation.EXPIRED': {
    zh: '该名称保留已于 {expiresAt} 到期。',
    en: 'This name reservation lapsed on {expiresAt}.',
  },
  'names.reservation.USED': {
    zh: '该名称保留已被登记使用。',
    en: 'This name reservation has already been used by a registration.',
  },
  'names.reservation.REVOKED': {
    zh: '该名称已因虚假承诺被撤销。',
    en: 'This name was revoked for a false commitment.',
  },
  'names.verification.notPending': {
    zh: '该名称的承诺已核查（{status}）。',
    en: 'The commitment for this name has already been verified ({status}).',
  },
  'names.verification.reservationClosed': {
    zh: '该名称保留当前状态为 {status}，无需核查。',
    en: 'The reservation is {status}; there is nothing to verify.',
  },
  'names.verification.noteRequired': {
    zh: '认定虚假承诺须写明理由。',
    en: 'Give the reason for finding the commitment false.',
  },
  'names.notify.reserved.title': { zh: '名称已保留：{name}', en: 'Name reserved: {name}' },
  'names.notify.reserved.body': {
    zh: '名称“{name}”已为您保留，保留期至 {expiresOn}，请在此前办理登记。',
    en: 'The name “{name}” is reserved for you until {expiresOn}. Register before then.',
  },
  'names.notify.reservedSpecial.body': {
    zh: '特殊名称“{name}”已依据您的告知承诺当场授予，保留期至 {expiresOn}。登记机关将于 {dueBy} 前核查承诺内容，虚假承诺将导致名称被撤销。',
    en: 'The special name “{name}” was granted on your commitment and is reserved until {expiresOn}. The registry will verify the commitment by {dueBy}; a false commitment revokes the name.',
  },
  'names.notify.expired.title': { zh: '名称保留已到期：{name}', en: 'Name reservation lapsed: {name}' },
  'names.notify.expired.body': {
    zh: '名称“{name}”的保留期已于 {expiresOn} 届满，该名称已不再为您保留。',
    en: 'The reservation of “{name}” lapsed on {expiresOn}; the name is no longer kept for you.',
  },
  'names.notify.verified.title': { zh: '承诺核查通过：{name}', en: 'Commitment verified: {name}' },
  'names.notify.verified.body': {
    zh: '登记机关已核查特殊名称“{name}”的告知承诺，认定属实。',
    en: 'The registry verified your commitment for the special name “{name}” and found it true.',
  },
  'names.notify.revoked.title': { zh: '名称已撤销：{name}', en: 'Name revoked: {name}' },
  'names.notify.revoked.body': {
    zh: '经核查，特殊名称“{name}”的告知承诺不实，名称已被撤销。核查意见：{note}',
    en: 'The commitment for the special name “{name}” was found false and the name is revoked. Finding: {note}',
  },
  'names.notify.revokedInUse.body': {
    zh: '经核查，特殊名称“{name}”的告知承诺不实，名称已被撤销。使用该名称的企业须在 30 日内变更名称，在此之前公示其统一社会信用代码代替名称。核查意见：{note}',
    en: 'The commitment for the special name “{name}” was found false and the name is revoked. The enterprise using it must change its name within 30 days; until then its unified social credit code is shown instead of the name. Finding: {note}',
  },
});
