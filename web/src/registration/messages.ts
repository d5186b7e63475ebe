// UI texts of the application form's error summary, local drafts and submission notice (issue 20),
// spread into both dictionaries under `applicationForm`.
export const zh = {
  applicationForm: {
    summaryNotSubmitted: '申请尚未提交：有 {{count}} 处需要修改',
    summaryDraftPartly: '草稿已保存，但有 {{count}} 处格式有误，未保存到服务器（已保留在本设备上）',
    summaryRequiredMissing: '请填写这些必填项后再提交：',
    summaryHint: '点击每一项可跳到对应的填写位置。',
    stepProblems: '{{count}} 处需修改',
    restored: '已恢复您在本设备上未保存的填写内容（{{at}}）。',
    discardLocal: '放弃这些内容，使用已保存的草稿',
    unsavedChanges: '有未保存的修改',
    allSaved: '所有内容已保存',
    leaveWarning: '您有未保存的修改，确定离开吗？',
    existingDraft: '这个名称已有一份申请草稿，已为您打开它：同一个预留名称只对应一份申请。',
    industryFromName: '根据名称推断的行业：{{code}} {{name}}',
    useIndustry: '使用此行业',
    countryPlaceholder: '请选择国家或地区',
    submittedTitle: '申请已提交',
    submittedBody:
      '青岛市市场监督管理局登记窗口将审核您的申请，最迟在 {{date}} 前作出决定。审核结果、补正通知都会出现在这里和通知中心。',
    submittedBodyNoDate: '青岛市市场监督管理局登记窗口将审核您的申请；结果和补正通知会出现在这里和通知中心。',
    investorTableLabel: '出资人一览（可横向滚动）',
    requiredMessage: '此项为必填项',
    hostedAddress: '使用托管地址',
    hostedAddressNone: '不使用，自行填写住所',
    hostedAddressHint: '您已生效的住所托管协议中的地址；选择后住所和所属区将按托管地址填写。',
    hostedBy: '托管机构：{{host}}',
  },
};

export const en: typeof zh = {
  applicationForm: {
    summaryNotSubmitted: 'Not submitted: {{count}} to fix',
    summaryDraftPartly:
      'Draft saved, except {{count}} items whose format is wrong: they were not sent to the server (they are kept on this device)',
    summaryRequiredMissing: 'Fill in these required items before submitting:',
    summaryHint: 'Each item links to where it is filled in.',
    stepProblems: '{{count}} to fix',
    restored: 'What you typed on this device and had not saved is back ({{at}}).',
    discardLocal: 'Discard it and use the saved draft',
    unsavedChanges: 'Unsaved changes',
    allSaved: 'Everything is saved',
    leaveWarning: 'You have unsaved changes. Leave anyway?',
    existingDraft:
      'You already have an application for this name, so it is opened here: one reserved name, one application.',
    industryFromName: 'Industry the name suggests: {{code}} {{name}}',
    useIndustry: 'Use this industry',
    countryPlaceholder: 'Choose a country or region',
    submittedTitle: 'Application submitted',
    submittedBody:
      'The registration desk of the Qingdao Administration for Market Regulation reviews it and decides by {{date}} at the latest. The decision and any request for corrections appear here and in your notifications.',
    submittedBodyNoDate:
      'The registration desk of the Qingdao Administration for Market Regulation reviews it. The decision and any request for corrections appear here and in your notifications.',
    investorTableLabel: 'Investors (scrolls sideways)',
    requiredMessage: 'This is required',
    hostedAddress: 'Use a hosted address',
    hostedAddressNone: 'No, I enter the address myself',
    hostedAddressHint:
      'Addresses of your active hosting agreements; choosing one fills in the address and the district.',
    hostedBy: 'Hosted by {{host}}',
  },
};
