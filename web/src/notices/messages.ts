// The texts of the public notices page (公示公告), spread into the catalogues as `notices`.

export const zh = {
  title: '公示公告',
  intro:
    '登记机关依法公示的信息：企业简易注销公告及其异议期、撤销登记的公示与决定、经营异常名录。任何人均可查阅；债权人等利害关系人可在公告期内对简易注销提出异议。',
  tabs: '公示类别',
  tabDeregistrations: '简易注销公告',
  tabRevocations: '撤销登记',
  tabAbnormal: '经营异常名录',
  deregistrationsIntro:
    '以下企业申请简易注销，已公告全体投资人关于不存在未结清债务等的承诺。公告期为 20 天，公告期内债权人或其他利害关系人可以提出异议；有异议的，企业不能通过简易程序注销。',
  revocationsIntro:
    '因提交虚假材料等手段取得登记、被依法撤销登记的企业，以及因无法联系而公示撤销事项的企业（公示期 45 天）。',
  abnormalIntro: '因通过登记的住所无法联系等原因被列入经营异常名录的企业。',
  abnormalPage: '在单独页面查看经营异常名录',
  count: '共 {{count}} 条',
  empty: '暂无公示信息。',
  loadMore: '加载更多',
  end: '已显示全部。',
  uscc: '统一社会信用代码',
  district: '登记机关所在区（市）',
  noticePeriod: '公告期',
  periodRange: '{{from}} 至 {{until}}',
  signatory: '承诺人',
  noticeStatus: '状态',
  status: {
    IN_NOTICE: '公告中，可提出异议',
    ENDED: '公告期满，无异议',
    OBJECTED: '已有异议，不适用简易注销',
    COMPLETED: '已简易注销',
    LAPSED: '公告期满后未申请注销',
  },
  objectionOpenUntil: '异议截止：{{date}}（含当日）',
  object: '提出异议',
  objectFor: '对“{{name}}”的简易注销提出异议',
  objectionHint: '异议将告知企业和登记机关，不会公开。提出异议后，该企业只能通过一般程序注销。',
  objectorName: '异议人（债权人或其他利害关系人）名称',
  contact: '联系方式（电话、邮箱或地址）',
  reason: '异议理由（如所欠债务、合同、金额）',
  submitObjection: '提交异议',
  cancel: '取消',
  objectionFiled: '异议已提交，登记机关和企业将收到通知。该企业不能再通过简易程序注销。',
  revocationStatus: {
    PUBLIC_NOTICE: '撤销事项公示中',
    REVOKED: '已撤销登记',
  },
  publicNoticeReason: '公示原因',
  revocationReason: '撤销原因',
  revokedOn: '撤销日期',
};

export const en: typeof zh = {
  title: 'Public notices',
  intro:
    'What the registry publishes by law: simplified deregistration notices with their objection period, revocations of registration, and the abnormal-operations list. Anyone may read them; a creditor or other interested party may object to a simplified deregistration while its notice runs.',
  tabs: 'Kind of notice',
  tabDeregistrations: 'Simplified deregistrations',
  tabRevocations: 'Revocations',
  tabAbnormal: 'Abnormal operations',
  deregistrationsIntro:
    'These enterprises have applied for simplified deregistration and published all their investors’ promise that no debts remain unpaid. Each notice runs for 20 days; until it ends, a creditor or other interested party may object, and an enterprise with an objection cannot use the simplified procedure.',
  revocationsIntro:
    'Enterprises whose registration was revoked because it was obtained with false materials, and enterprises under the 45-day public notice of a revocation because they could not be reached.',
  abnormalIntro:
    'Enterprises listed because they could not be reached at their registered address, or for another cause.',
  abnormalPage: 'See the abnormal-operations list on its own page',
  count: '{{count}} in all',
  empty: 'Nothing is published here yet.',
  loadMore: 'Load more',
  end: 'That is all of them.',
  uscc: 'Unified social credit code',
  district: 'District of registration',
  noticePeriod: 'Notice period',
  periodRange: '{{from}} to {{until}}',
  signatory: 'Promise signed by',
  noticeStatus: 'Status',
  status: {
    IN_NOTICE: 'Notice running: objections accepted',
    ENDED: 'Notice ended without objection',
    OBJECTED: 'Objected to: the simplified procedure is closed',
    COMPLETED: 'Deregistered by the simplified procedure',
    LAPSED: 'Notice ended, but no application followed',
  },
  objectionOpenUntil: 'Objections close at the end of {{date}}',
  object: 'Object',
  objectFor: 'Object to the simplified deregistration of {{name}}',
  objectionHint:
    'The enterprise and the registry are told of your objection; it is not published. After an objection the enterprise can only deregister by the ordinary procedure.',
  objectorName: 'Your name or your organisation’s (creditor or other interested party)',
  contact: 'How to reach you (phone, email or address)',
  reason: 'Why you object (for example the debt owed, the contract, the amount)',
  submitObjection: 'Send the objection',
  cancel: 'Cancel',
  objectionFiled:
    'Your objection has been sent to the registry and the enterprise. The enterprise can no longer use the simplified procedure.',
  revocationStatus: {
    PUBLIC_NOTICE: 'Under public notice before revocation',
    REVOKED: 'Registration revoked',
  },
  publicNoticeReason: 'Why it is under notice',
  revocationReason: 'Ground of revocation',
  revokedOn: 'Revoked on',
};
