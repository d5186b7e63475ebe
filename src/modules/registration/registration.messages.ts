import { defineMessages } from '../../shared/messages.js';

export const registrationMessages = defineMessages({
  'registration.invalidIdNumber': {
    zh: '证件号码格式或校验位不正确。',
    en: 'The ID number is malformed or its check character is wrong.',
  },
  'registration.invalidPhone': { zh: '电话号码格式不正确。', en: 'The phone number is not valid.' },
  'registration.invalidCountry': {
    zh: '请填写两位国家或地区代码（ISO 3166-1，例如 CN）。',
    en: 'Use a two-letter country or region code (ISO 3166-1, e.g. CN).',
  },
  'registration.invalidAmount': {
    zh: '金额须为元，最多两位小数，例如 1500000.00。',
    en: 'Write the amount in yuan with at most two decimals, e.g. 1500000.00.',
  },
  'registration.enterpriseFixed': {
    zh: '不能改变申请所涉及的企业。',
    en: 'The enterprise of an application cannot change.',
  },
  'registration.declarationNotForDeregistration': {
    zh: '注销登记不申报登记事项，请填写注销事项。',
    en: 'A deregistration declares no registered items: fill in the deregistration details.',
  },
  'registration.capitalOutOfRange': {
    zh: '金额须大于零且在允许范围内。',
    en: 'The amount must be above zero and within the allowed range.',
  },
  'registration.invalidIndustry': {
    zh: '行业代码须为 GB/T 4754-2017 门类字母加两位大类代码，例如 I65。',
    en: 'The industry must be a GB/T 4754-2017 division code such as I65.',
  },
  'registration.unknownIndustry': {
    zh: '行业代码 {code} 不在国民经济行业分类中。',
    en: 'The industry code {code} is not in GB/T 4754-2017.',
  },
  'registration.zoneOutsideDistrict': {
    zh: '所选功能区不在该区（市）范围内。',
    en: 'The zone chosen does not lie in that district.',
  },
  'registration.invalidUscc': {
    zh: '统一社会信用代码无效（长度、字符或校验位不正确）。',
    en: 'The unified social credit code is not valid (length, characters or check character).',
  },
  'registration.termEitherLongOrEnd': {
    zh: '长期经营的企业不填写营业期限截止日期。',
    en: 'An indefinite term has no end date.',
  },
  'registration.directorRequired': {
    zh: '公司须至少备案一名董事长、执行董事或董事。',
    en: 'A company must file at least one chair, executive director or director.',
  },
  'registration.serviceAgentRequired': {
    zh: '外商投资企业须备案法律文件送达接受人。',
    en: 'A foreign-invested enterprise must file the person who accepts service of legal documents.',
  },
  'registration.capitalMismatch': {
    zh: '股东认缴出资合计 {subscribed} 元，与注册资本 {registered} 元不一致。',
    en: 'The investors subscribe {subscribed} yuan in total, not the registered capital of {registered} yuan.',
  },
  'registration.termInPast': { zh: '营业期限截止日期须晚于今天。', en: 'The end of the term must be after today.' },
  'registration.dateInFuture': { zh: '该日期不能晚于今天。', en: 'This date cannot be later than today.' },
  'registration.liquidationRequired': {
    zh: '一般注销须填写清算完成日期。',
    en: 'Ordinary deregistration needs the day liquidation was completed.',
  },
  'registration.kindRequired': { zh: '新申请须选择申请类型。', en: 'Choose the kind of a new application.' },
  'registration.kindMismatch': {
    zh: '不能改变已有申请的类型。',
    en: 'The kind of an existing application cannot change.',
  },
  'registration.enterpriseRequired': {
    zh: '变更登记和注销登记须指定企业。',
    en: 'A change or deregistration application names the enterprise.',
  },
  'registration.enterpriseNotAllowed': {
    zh: '设立登记不能指定已有企业。',
    en: 'An establishment application cannot name an existing enterprise.',
  },
  'registration.enterpriseNotActive': { zh: '该企业不是存续状态。', en: 'The enterprise is not active.' },
  'registration.hostingUnavailable': {
    zh: '住所托管服务暂不可用，无法使用托管地址。',
    en: 'Address hosting is unavailable: a hosted address cannot be used.',
  },
  'registration.reservationNotAllowed': {
    zh: '注销登记不使用名称保留。',
    en: 'A deregistration application takes no name reservation.',
  },
  'registration.reservationRequired': {
    zh: '设立登记须使用申请人已保留的企业名称。',
    en: 'An establishment needs a name the applicant has reserved.',
  },
  'registration.reservationMismatch': {
    zh: '申报的{item}与名称保留时的不一致。',
    en: 'The declared {item} differs from the one the name was reserved with.',
  },
  'registration.deregistrationOnly': {
    zh: '注销事项只适用于注销登记。',
    en: 'Deregistration details belong to a deregistration application only.',
  },
  'registration.changeDateOnly': {
    zh: '变更决定日期只适用于变更登记。',
    en: 'The change date belongs to a change application only.',
  },
  'registration.bracketedChinaNotForeignControlled': {
    zh: '名称中含有“（中国）”的，应当是外国投资者持股过半的外商投资企业（外商独资或者外资控股）；按申报的出资，本企业不是。',
    en: 'Only a wholly foreign-owned or foreign-controlled enterprise may have “（中国）” in its name; by the declared contributions, foreign investors do not hold more than half of the capital.',
  },
  'registration.bracketedChinaNotInvestorTradeName': {
    zh: '名称中含有“（中国）”的，字号应当是外国投资者的字号；申报的外国投资者中没有以“{tradeName}”为字号的。请填写外国投资者的中文名称（例如 西门子股份公司）。',
    en: 'A name with “（中国）” must use its foreign investor’s trade name; no declared foreign investor has the trade name “{tradeName}”. Give the foreign investor’s Chinese name (e.g. 西门子股份公司).',
  },
  'registration.newNameChangeOnly': {
    zh: '只有变更登记可以直接申报新名称。',
    en: 'Only a change application can declare a new name directly.',
  },
  'registration.newNameWithReservation': {
    zh: '已选用名称预留的，不能再直接申报新名称；请二选一。',
    en: 'The application already uses a name reservation: declare the new name directly or use the reservation, not both.',
  },
  'registration.simplified.individualNeedsNoNotice': {
    zh: '个体工商户按照简易程序办理注销登记的，无需公示，可直接提交注销申请（《市场主体登记管理条例》第三十三条）。',
    en: 'An individual business gives no public notice for simplified deregistration: submit the deregistration application directly (Regulations, Art. 33).',
  },
  'registration.simplified.noticeExists': {
    zh: '本企业已有简易注销公示在进行或者刚届满（公示期至 {endsOn}），不能重复公示。',
    en: 'This enterprise already has a simplified-deregistration notice running or just ended (notice until {endsOn}).',
  },
  'registration.simplified.noticeRequired': {
    zh: '简易注销须先在平台公示 20 日（《市场主体登记管理条例》第三十三条）；请先发起简易注销公示。',
    en: 'Simplified deregistration needs a 20-day public notice on the platform first (Regulations, Art. 33): start the notice first.',
  },
  'registration.simplified.noticeRunning': {
    zh: '简易注销公示期至 {endsOn} 届满，{from} 起方可申请注销。',
    en: 'The public notice runs until {endsOn}: the application may be made from {from}.',
  },
  'registration.simplified.objected': {
    zh: '公示期内有人于 {on} 提出异议，不能适用简易注销；请按一般程序申请注销（清算后办理）。',
    en: 'An objection was raised on {on} during the public notice, so simplified deregistration is not available: apply for ordinary deregistration (after liquidation).',
  },
  'registration.simplified.applicationLate': {
    zh: '应当于公示期届满之日起 20 日内申请简易注销，期限已于 {applyBy} 届满；请重新公示或者按一般程序申请注销。',
    en: 'The simplified application had to be made within 20 days after the notice ended, by {applyBy}: give a new notice or apply for ordinary deregistration.',
  },
  'registration.simplified.objectionPeriodOver': {
    zh: '公示期已于 {endsOn} 届满，不再受理异议。',
    en: 'The public notice ended on {endsOn}: objections are no longer accepted.',
  },
  'registration.simplified.obstacle.EQUITY_FROZEN': {
    zh: '企业股权被冻结（自 {since}：{reason}），不适用简易注销（《市场主体登记管理条例实施细则》第四十八条）。',
    en: 'The enterprise’s equity is frozen (since {since}: {reason}), so simplified deregistration is not available (Implementing Rules, Art. 48).',
  },
  'registration.simplified.obstacle.EQUITY_PLEDGED': {
    zh: '企业股权已出质（自 {since}：{reason}），不适用简易注销（《市场主体登记管理条例实施细则》第四十八条）。',
    en: 'The enterprise’s equity is pledged (since {since}: {reason}), so simplified deregistration is not available (Implementing Rules, Art. 48).',
  },
  'registration.simplified.obstacle.UNPAID_FINE': {
    zh: '企业受到的罚款尚未执行完毕（自 {since}：{reason}），不适用简易注销（《市场主体登记管理条例实施细则》第四十八条）。',
    en: 'The enterprise has a fine not yet paid (since {since}: {reason}), so simplified deregistration is not available (Implementing Rules, Art. 48).',
  },
  'registration.restriction.alreadyLifted': {
    zh: '该限制已于 {liftedOn} 解除。',
    en: 'This restriction was already lifted on {liftedOn}.',
  },
  'registration.restriction.liftedBeforeSince': {
    zh: '解除日期不能早于限制生效日期 {since}。',
    en: 'It cannot be lifted before it took effect ({since}).',
  },
  'registration.notify.simplifiedObjected.title': {
    zh: '简易注销公示收到异议',
    en: 'An objection to your simplified deregistration',
  },
  'registration.notify.simplifiedObjected.body': {
    zh: '{objectorName} 对 {name} 的简易注销公示提出异议：{reason}。简易注销程序终止，请按一般程序办理注销。',
    en: '{objectorName} objected to the simplified deregistration notice of {name}: {reason}. The simplified route has ended; deregister by the ordinary procedure.',
  },
  'registration.changeDateRequired': {
    zh: '请填写作出变更决定的日期。',
    en: 'Give the day the change was decided.',
  },
  'registration.nothingChanged': {
    zh: '变更登记未改变任何登记或备案事项。',
    en: 'The change application changes no registered or filed item.',
  },
  'registration.openApplicationExists': {
    zh: '该企业已有正在办理的申请（{number}）。',
    en: 'The enterprise already has an application in progress ({number}).',
  },
  'registration.commitmentNotAccepted': {
    zh: '提交申请须作出信用承诺。',
    en: 'Submitting needs the credit commitment.',
  },
  'registration.commitmentTermsOutdated': {
    zh: '承诺书已更新为 {version} 版本，请阅读后重新承诺。',
    en: 'The commitment terms are now version {version}: read them and commit again.',
  },
  'registration.alreadyExtended': { zh: '审查期限只能延长一次。', en: 'The review period can be extended only once.' },
  'registration.extensionAlreadyRequested': {
    zh: '已申请延长审查期限，正待批准。',
    en: 'An extension of the review period has already been asked for and awaits approval.',
  },
  'registration.noExtensionRequest': {
    zh: '没有待批准的延长审查期限申请。',
    en: 'No extension of the review period awaits approval.',
  },
  'registration.extensionNeedsSecondOfficial': {
    zh: '延长审查期限须经登记机关负责人批准，申请人本人不能批准。',
    en: 'An extension needs the approval of the registration authority: another official than the one who asked for it.',
  },
  'registration.sameDayTrack': {
    zh: '材料齐全、符合法定形式的申请当场确认，不能延长。',
    en: 'A complete application in standard form is confirmed the same day; its period cannot be extended.',
  },
  'registration.correctionItemsRequired': {
    zh: '请至少列出一项需要补正的事项（全部事项须在一份通知中列明）。',
    en: 'List at least one item to correct (everything to correct goes in one notice).',
  },
  'registration.correctionFieldUnknown': {
    zh: '补正事项须指向申报的某一事项。',
    en: 'Each item to correct must point at a declared item.',
  },
  'registration.correctionItemUnchanged': {
    zh: '再次补正只能针对申请人此后修改过的事项；此事项未修改，应在首次补正通知中一并告知。',
    en: 'A further correction may only name items the applicant changed since the last notice; this one is unchanged and should have been in the first notice.',
  },
  'registration.correctionDuplicate': { zh: '同一事项重复列出。', en: 'The same item is listed twice.' },
  'registration.clearancesPending': {
    zh: '以下部门尚未出具清税（费）意见：{departments}。',
    en: 'These departments have not cleared it yet: {departments}.',
  },
  'registration.notDeregistration': {
    zh: '只有注销登记需要部门清算意见。',
    en: 'Only a deregistration application takes department clearances.',
  },
  'registration.clearanceFinal': {
    zh: '本部门已出具清结意见，不能更改。',
    en: 'Your department has already cleared it; that cannot change.',
  },
  'registration.blockedNeedsNote': {
    zh: '未清结时须写明欠缴事项。',
    en: 'Say what is owed when blocking.',
  },
  'registration.reasonsRequired': { zh: '请写明驳回理由。', en: 'Give the reasons for the rejection.' },
  'registration.reasonRequired': { zh: '请写明延期理由。', en: 'Give the reason for the extension.' },
  'registration.enterpriseChangedMeanwhile': {
    zh: '该企业在本申请提交后已发生变更或注销。',
    en: 'The enterprise changed or ended after this application was submitted.',
  },

  'registration.department.TAX': { zh: '税务', en: 'tax' },
  'registration.department.SOCIAL_INSURANCE': { zh: '社会保险', en: 'social insurance' },
  'registration.department.MEDICAL_INSURANCE': { zh: '医疗保障', en: 'medical insurance' },
  'registration.department.HOUSING_FUND': { zh: '住房公积金', en: 'housing fund' },
  'registration.outcome.CLEARED': { zh: '已清结', en: 'cleared' },
  'registration.outcome.BLOCKED': { zh: '未清结', en: 'blocked' },

  'registration.notify.submitted.title': { zh: '登记申请已提交', en: 'Registration application submitted' },
  'registration.notify.submitted.body': {
    zh: '申请 {number} 已收到，将于 {decideBy} 前作出决定。',
    en: 'Application {number} was received; a decision is due by {decideBy}.',
  },
  'registration.notify.deregistrationSubmitted.body': {
    zh: '注销申请 {number} 已收到，税务、社保、医保、公积金部门将同步办理。',
    en: 'Deregistration application {number} was received; tax, social insurance, medical insurance and housing fund will clear it in parallel.',
  },
  'registration.notify.confirmed.title': { zh: '登记已确认', en: 'Registration confirmed' },
  'registration.notify.confirmed.body': {
    zh: '申请 {number} 已确认：{name}（统一社会信用代码 {uscc}）。',
    en: 'Application {number} is confirmed: {name} (credit code {uscc}).',
  },
  'registration.notify.deregistered.body': {
    zh: '申请 {number} 已确认，{name} 已注销。',
    en: 'Application {number} is confirmed: {name} is deregistered.',
  },
  'registration.notify.correction.title': { zh: '请补正登记材料', en: 'Corrections requested' },
  'registration.notify.correction.body': {
    zh: '申请 {number} 需补正 {count} 项，请一次性修改后重新提交。',
    en: 'Application {number} needs {count} correction(s); make them and submit again.',
  },
  'registration.notify.rejected.title': { zh: '登记申请未予确认', en: 'Registration application rejected' },
  'registration.notify.rejected.body': {
    zh: '申请 {number} 未予确认：{reasons}',
    en: 'Application {number} was rejected: {reasons}',
  },
  'registration.notify.extended.title': { zh: '审查期限已延长', en: 'Review period extended' },
  'registration.notify.extended.body': {
    zh: '申请 {number} 的决定期限延长至 {decideBy}：{reason}',
    en: 'The decision on application {number} is now due by {decideBy}: {reason}',
  },
  'registration.notify.withdrawn.title': { zh: '登记申请已撤回', en: 'Registration application withdrawn' },
  'registration.notify.withdrawn.body': { zh: '申请 {number} 已撤回。', en: 'Application {number} was withdrawn.' },
  'registration.notify.clearance.title': { zh: '注销部门办理进度', en: 'Deregistration clearance progress' },
  'registration.notify.clearance.body': {
    zh: '申请 {number}：{department}部门{outcome}。{note}',
    en: 'Application {number}: {department} {outcome}. {note}',
  },
  'registration.notify.nameChangeRequired.title': { zh: '企业名称须限期变更', en: 'Enterprise name must change' },
  'registration.notify.nameChangeRequired.body': {
    zh: '{name} 的特殊名称承诺经核查不实，须在 {by} 前申请变更名称；此前公示信息以统一社会信用代码代替名称。',
    en: 'The commitment behind the special name {name} was found false: apply to change the name by {by}. Until then the public sees the credit code instead of the name.',
  },
});
