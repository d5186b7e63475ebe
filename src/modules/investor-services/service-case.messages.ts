import { defineMessages } from '../../shared/messages.js';

// The words of foreign-investment services, in English (the investor's first language here) and Chinese.

defineMessages({
  'investorServices.notForeignInvestor': {
    en: 'Only foreign investors and foreign-invested enterprises can submit cases here. Choose a foreign-invested enterprise you act for, or mark your account as a foreign investor.',
    zh: '仅外国投资者和外商投资企业可在此提交。请选择您代理的外商投资企业，或将账户登记为外国投资者。',
  },
  'investorServices.unknownCategory': {
    en: 'Choose a category from the list (serviceCaseCategories).',
    zh: '请从列表中选择类别（serviceCaseCategories）。',
  },
  'investorServices.complaintFieldRequired': {
    en: 'A complaint needs this: name the authority, the administrative act and what you ask for, and say whether the matter is in reconsideration or litigation.',
    zh: '投诉必须填写此项：被投诉机关、具体行政行为、投诉请求，以及是否已申请行政复议或提起行政诉讼。',
  },
  'investorServices.onlyForComplaints': {
    en: 'Only a complaint has this.',
    zh: '只有投诉才有此项。',
  },
  'investorServices.confidentialKindsRequired': {
    en: 'Say what the confidential part contains: trade secrets, personal information, or both.',
    zh: '请说明保密部分的内容：商业秘密、个人信息或两者。',
  },
  'investorServices.tooManyAttachments': {
    en: 'A case can have at most {max} attachments.',
    zh: '每件最多 {max} 个附件。',
  },
  'investorServices.fileNotFound': {
    en: 'This file was not found among your uploads, or it is already attached elsewhere.',
    zh: '在您上传的文件中未找到该文件，或其已被附于其他事项。',
  },
  'investorServices.caseNotFound': { en: 'Case not found.', zh: '未找到该事项。' },
  'investorServices.invalidState': {
    en: 'This cannot be done while the case is {state}.',
    zh: '该事项处于「{state}」状态，不能执行此操作。',
  },
  'investorServices.onlyComplaints': {
    en: 'Only complaints are accepted or declined; answer a consultation or suggestion with resolveServiceCase.',
    zh: '只有投诉需要受理或不予受理；咨询和建议请用 resolveServiceCase 答复。',
  },
  'investorServices.handledByOther': {
    en: 'Another official handles this case. Ask for it to be assigned to you first.',
    zh: '该事项由其他工作人员办理，请先将其分配给您。',
  },
  'investorServices.reasonRequired': { en: 'Choose a reason from the list.', zh: '请从列表中选择理由。' },
  'investorServices.competentOfficeRequired': {
    en: 'Name the office that is competent for this matter.',
    zh: '请写明有权处理该事项的机构。',
  },
  'investorServices.materialsAlreadyRequested': {
    en: 'Missing materials can be requested only once, in one consolidated notice.',
    zh: '补正材料只能一次性告知。',
  },
  'investorServices.alreadyExtended': {
    en: 'The resolution deadline has already been extended once.',
    zh: '办理期限已延长过一次。',
  },
  'investorServices.extensionNotLater': {
    en: 'The new date must be after the current deadline ({deadline}).',
    zh: '新的期限必须晚于当前期限（{deadline}）。',
  },
  'investorServices.extensionNotWorkingDay': {
    en: 'The new date must be a working day.',
    zh: '新的期限必须是工作日。',
  },
  'investorServices.outcomeNotForKind': {
    en: 'This outcome does not fit a {kind}.',
    zh: '该办理结果不适用于此类事项。',
  },
  'investorServices.notOfficialOfCommerce': {
    en: 'Cases can be assigned only to commerce officials.',
    zh: '只能分配给商务部门工作人员。',
  },
  'investorServices.rateAfterResolution': {
    en: 'You can rate the handling once the case is resolved.',
    zh: '事项办结后才能评价。',
  },
  'investorServices.alreadyRated': { en: 'You have already rated this case.', zh: '您已评价过该事项。' },
  'investorServices.ratingRange': { en: 'Give a score from 1 to 5.', zh: '请给出 1 至 5 分。' },
  'investorServices.internalNoteByOfficial': {
    en: 'Only officials can write internal notes.',
    zh: '只有工作人员可以写内部备注。',
  },
  'investorServices.confidentialByInvestor': {
    en: 'Only the investor marks what they send as confidential.',
    zh: '只有投资者可以将其发送的内容标为保密。',
  },
  'investorServices.typicalNotResolved': {
    en: 'Only a resolved case can be published as a typical case.',
    zh: '只有已办结的事项才能作为典型案例发布。',
  },
  'investorServices.typicalAlreadyPublished': {
    en: 'This case has already been published as a typical case.',
    zh: '该事项已作为典型案例发布。',
  },
  'investorServices.typicalHasName': {
    en: 'The summary must be anonymous: remove "{name}".',
    zh: '案例摘要必须匿名：请删除「{name}」。',
  },
  'investorServices.typicalNotFound': {
    en: 'This typical case was not found, or it has been withdrawn.',
    zh: '未找到该典型案例，或其已撤回。',
  },
  'investorServices.reasonTextRequired': {
    en: 'Say why it is withdrawn.',
    zh: '请说明撤回理由。',
  },
  'investorServices.settingsRange': {
    en: 'Give a number of working days from 1 to 60.',
    zh: '请填写 1 至 60 个工作日。',
  },

  // Labels
  'investorServices.kind.CONSULTATION': { en: 'consultation', zh: '咨询' },
  'investorServices.kind.COMPLAINT': { en: 'complaint', zh: '投诉' },
  'investorServices.kind.SUGGESTION': { en: 'suggestion', zh: '建议' },
  'investorServices.status.SUBMITTED': { en: 'submitted', zh: '已提交' },
  'investorServices.status.MATERIALS_REQUESTED': { en: 'waiting for materials', zh: '待补正材料' },
  'investorServices.status.ACCEPTED': { en: 'accepted', zh: '已受理' },
  'investorServices.status.NOT_ACCEPTED': { en: 'not accepted', zh: '不予受理' },
  'investorServices.status.RESOLVED': { en: 'resolved', zh: '已办结' },
  'investorServices.status.CLOSED': { en: 'closed (referred)', zh: '已移送' },
  'investorServices.status.WITHDRAWN': { en: 'withdrawn', zh: '已撤回' },
  'investorServices.category.MARKET_ACCESS': { en: 'Market access', zh: '市场准入' },
  'investorServices.category.LICENSING_AND_APPROVALS': { en: 'Licences and approvals', zh: '行政许可与审批' },
  'investorServices.category.TAXATION': { en: 'Taxation', zh: '税收' },
  'investorServices.category.CUSTOMS_AND_TRADE': { en: 'Customs and trade', zh: '海关与贸易' },
  'investorServices.category.INTELLECTUAL_PROPERTY': { en: 'Intellectual property', zh: '知识产权' },
  'investorServices.category.LAND_AND_CONSTRUCTION': { en: 'Land and construction', zh: '土地与建设' },
  'investorServices.category.LABOUR_AND_SOCIAL_INSURANCE': { en: 'Labour and social insurance', zh: '劳动与社会保险' },
  'investorServices.category.FINANCE_AND_FOREIGN_EXCHANGE': { en: 'Finance and foreign exchange', zh: '金融与外汇' },
  'investorServices.category.GOVERNMENT_PROCUREMENT': { en: 'Government procurement', zh: '政府采购' },
  'investorServices.category.POLICY_COMMITMENTS': { en: 'Policy commitments', zh: '政策承诺兑现' },
  'investorServices.category.INVESTMENT_ENVIRONMENT': { en: 'Investment environment', zh: '投资环境' },
  'investorServices.category.OTHER': { en: 'Other', zh: '其他' },

  // Acknowledgement and decisions (in the case's language)
  'investorServices.ack.complaint': {
    en: 'We have received your complaint {number} on {date}. We will decide whether to accept it by {acceptBy} (within 7 working days of receiving complete materials); once accepted, it will be concluded within 60 working days. Filing this complaint does not affect your right to apply for administrative reconsideration or to bring an administrative lawsuit. Information you marked as confidential and your attachments are seen only by you and the officials handling your case.',
    zh: '我们已于 {date} 收到您的投诉 {number}。我们将在 {acceptBy} 前（材料齐全之日起 7 个工作日内）作出是否受理的决定；受理后在 60 个工作日内办结。投诉不影响您依法申请行政复议或提起行政诉讼的权利。您标为保密的信息和附件仅您本人和办理人员可见。',
  },
  'investorServices.ack.consultation': {
    en: 'We have received your consultation {number} on {date} and will answer by {resolveBy} ({days} working days). Information you marked as confidential and your attachments are seen only by you and the officials handling your case.',
    zh: '我们已于 {date} 收到您的咨询 {number}，将在 {resolveBy} 前（{days} 个工作日内）答复。您标为保密的信息和附件仅您本人和办理人员可见。',
  },
  'investorServices.ack.suggestion': {
    en: 'We have received your suggestion {number} on {date} and will reply by {resolveBy} ({days} working days). Thank you for helping us improve the investment environment. Information you marked as confidential and your attachments are seen only by you and the officials handling your case.',
    zh: '我们已于 {date} 收到您的建议 {number}，将在 {resolveBy} 前（{days} 个工作日内）回复。感谢您帮助我们改善投资环境。您标为保密的信息和附件仅您本人和办理人员可见。',
  },
  'investorServices.decision.accepted': {
    en: 'Your complaint {number} was accepted on {date}. It will be concluded by {resolveBy}. If you disagree with the result, you may turn to the complaint office at the next higher level.',
    zh: '您的投诉 {number} 已于 {date} 受理，将在 {resolveBy} 前办结。对办理结果有异议的，可以向上一级投诉工作机构提出。',
  },
  'investorServices.decision.declined': {
    en: 'Your complaint {number} was not accepted on {date}: {reason}. If you disagree with this decision, you may turn to the complaint office at the next higher level.',
    zh: '您的投诉 {number} 于 {date} 决定不予受理：{reason}。对该决定有异议的，可以向上一级投诉工作机构提出。',
  },
  'investorServices.declineReason.CIVIL_OR_COMMERCIAL_DISPUTE': {
    en: 'it is a civil or commercial dispute between private parties, which is not a complaint matter',
    zh: '属于平等主体之间的民商事纠纷，不属于投诉事项',
  },
  'investorServices.declineReason.NOT_FOREIGN_INVESTOR': {
    en: 'the complainant is not a foreign investor or a foreign-invested enterprise',
    zh: '投诉人不是外国投资者或外商投资企业',
  },
  'investorServices.declineReason.IN_LITIGATION_OR_RECONSIDERATION': {
    en: 'the same matter is already in administrative reconsideration or litigation',
    zh: '同一事项已申请行政复议或提起行政诉讼',
  },
  'investorServices.declineReason.INCOMPLETE_MATERIALS': {
    en: 'the materials remained incomplete after we asked for them',
    zh: '经告知补正后材料仍不齐全',
  },
  'investorServices.declineReason.DUPLICATE': {
    en: 'the same matter has already been accepted by this or another complaint office',
    zh: '同一事项已被本机构或其他投诉工作机构受理',
  },
  'investorServices.declineReason.OUTSIDE_REMIT': {
    en: 'it is outside our remit; please contact {office}',
    zh: '不属于本机构职责范围，请向{office}提出',
  },

  // Notifications (title, body)
  'investorServices.notify.submitted.title': { en: 'Case {number} received', zh: '事项 {number} 已收到' },
  'investorServices.notify.submitted.body': {
    en: 'Your case "{subject}" has been received. Open it to see the deadlines.',
    zh: '您的事项「{subject}」已收到，请查看办理期限。',
  },
  'investorServices.notify.accepted.title': { en: 'Complaint {number} accepted', zh: '投诉 {number} 已受理' },
  'investorServices.notify.accepted.body': {
    en: 'Your complaint has been accepted. It will be concluded by {resolveBy}.',
    zh: '您的投诉已受理，将在 {resolveBy} 前办结。',
  },
  'investorServices.notify.declined.title': { en: 'Complaint {number} not accepted', zh: '投诉 {number} 不予受理' },
  'investorServices.notify.declined.body': {
    en: 'Open the case to read the reason. You may turn to the complaint office at the next higher level.',
    zh: '请查看理由。您可以向上一级投诉工作机构提出。',
  },
  'investorServices.notify.materialsRequested.title': {
    en: 'Materials needed for {number}',
    zh: '事项 {number} 需补正材料',
  },
  'investorServices.notify.materialsRequested.body': {
    en: 'Please send the missing materials listed in the case. The acceptance deadline starts once they arrive.',
    zh: '请按事项中列明的清单补正材料，受理期限自材料齐全之日起计算。',
  },
  'investorServices.notify.materialsSupplied.title': {
    en: 'Materials supplied for {number}',
    zh: '事项 {number} 已补正材料',
  },
  'investorServices.notify.materialsSupplied.body': {
    en: 'The investor has sent the missing materials.',
    zh: '投资者已补正材料。',
  },
  'investorServices.notify.message.title': { en: 'New message on {number}', zh: '事项 {number} 有新消息' },
  'investorServices.notify.message.body': { en: 'Open the case to read it.', zh: '请打开事项查看。' },
  'investorServices.notify.assigned.title': { en: 'Case {number} assigned to you', zh: '事项 {number} 已分配给您' },
  'investorServices.notify.assigned.body': {
    en: 'You now handle this case.',
    zh: '您现在负责办理该事项。',
  },
  'investorServices.notify.extended.title': {
    en: 'Deadline of {number} extended',
    zh: '事项 {number} 办理期限已延长',
  },
  'investorServices.notify.extended.body': {
    en: 'The case will now be concluded by {date}. Open it to see why.',
    zh: '该事项将在 {date} 前办结，请查看延期理由。',
  },
  'investorServices.notify.resolved.title': { en: 'Case {number} resolved', zh: '事项 {number} 已办结' },
  'investorServices.notify.resolved.body': {
    en: 'Open the case to read the outcome, and tell us how we handled it.',
    zh: '请查看办理结果，并对办理情况作出评价。',
  },
  'investorServices.notify.referred.title': { en: 'Case {number} referred', zh: '事项 {number} 已移送' },
  'investorServices.notify.referred.body': {
    en: 'Your case is for {office}, and we have passed it to them.',
    zh: '您的事项由{office}负责，已移送该机构。',
  },
  'investorServices.notify.withdrawn.title': { en: 'Case {number} withdrawn', zh: '事项 {number} 已撤回' },
  'investorServices.notify.withdrawn.body': {
    en: 'The investor withdrew the case.',
    zh: '投资者已撤回该事项。',
  },
  'investorServices.notify.rated.title': { en: 'Case {number} rated', zh: '事项 {number} 已获评价' },
  'investorServices.notify.rated.body': {
    en: 'The investor gave {score} out of 5.',
    zh: '投资者评价 {score} 分（满分 5 分）。',
  },
});
