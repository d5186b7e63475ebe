// UI texts of the official's name-verification cards and decisions (issue 20), spread into both
// dictionaries under `deskCards`.
export const zh = {
  deskCards: {
    specialBecause: '特殊之处',
    specialWordUnknown: '（无法识别，请人工判断）',
    commitmentGiven: '信用承诺',
    commitmentText: '承诺人 {{name}}，{{at}} 按第 {{version}} 版承诺书作出',
    application: '使用该名称的申请',
    noApplication: '尚无登记申请',
    revokeNote: '撤销理由（撤销名称时必填）',
    revokeNoteRequired: '撤销名称须写明理由。',
    confirmRevokeTitle: '确认撤销这个名称？',
    confirmRevokeBody: '“{{name}}” 将被撤销，无法恢复；申请人会收到通知。',
    confirmRevoke: '撤销名称',
    cancel: '取消',
    confirmRejectTitle: '确认不予确认这份申请？',
    confirmRejectBody: '不予确认的决定作出后不能撤回；申请人会收到理由。',
    confirmReject: '不予确认',
    correctionEmpty: '请至少列出一项需要补正的事项。',
    notForDepartment: '审核工作台只供市场监管部门使用。您所在部门的工作在：',
  },
};

export const en: typeof zh = {
  deskCards: {
    specialBecause: 'Special because of',
    specialWordUnknown: '(not recognised: judge it yourself)',
    commitmentGiven: 'Commitment',
    commitmentText: 'Signed by {{name}} on {{at}}, terms version {{version}}',
    application: 'Application using this name',
    noApplication: 'No application yet',
    revokeNote: 'Reason for revoking (required to revoke)',
    revokeNoteRequired: 'Write down why the name is revoked.',
    confirmRevokeTitle: 'Revoke this name?',
    confirmRevokeBody: '“{{name}}” will be revoked for good; the applicant is notified.',
    confirmRevoke: 'Revoke the name',
    cancel: 'Cancel',
    confirmRejectTitle: 'Refuse this application?',
    confirmRejectBody: 'A refusal cannot be taken back; the applicant receives the reasons.',
    confirmReject: 'Refuse',
    correctionEmpty: 'List at least one item to correct.',
    notForDepartment: 'The review desk is for market regulation officials. Your department works here:',
  },
};
