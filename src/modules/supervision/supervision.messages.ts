import { defineMessages } from '../../shared/messages.js';

export const supervisionMessages = defineMessages({
  'supervision.windowOrder': {
    zh: '起始日期不能晚于截止日期。',
    en: 'The window must start on or before its end.',
  },
  'supervision.windowInFuture': { zh: '截止日期不能晚于今天。', en: 'The window cannot end after today.' },
  'supervision.windowTooLong': {
    zh: '抽查范围最长 {max} 天。',
    en: 'The window may span at most {max} days.',
  },
  'supervision.sampleSizeRange': {
    zh: '抽取数量须在 1 至 {max} 之间。',
    en: 'The sample size must be between 1 and {max}.',
  },
  'supervision.inspectorsRange': {
    zh: '每户检查人员须为 1 至 {max} 名。',
    en: 'Each enterprise needs 1 to {max} inspectors.',
  },
  'supervision.seedFormat': {
    zh: '随机种子须为 1 至 64 个字母、数字、连字符或下划线。',
    en: 'The seed must be 1 to 64 letters, digits, hyphens or underscores.',
  },
  'supervision.emptyPopulation': {
    zh: '该期间没有确认登记且仍存续的企业。',
    en: 'No enterprise confirmed in this window is still active.',
  },
  'supervision.populationTooLarge': {
    zh: '该期间企业超过 {max} 户，请缩短期间。',
    en: 'More than {max} enterprises in this window: choose a shorter one.',
  },
  'supervision.rosterTooSmall': {
    zh: '可抽取的检查人员只有 {count} 名，少于每户所需人数。',
    en: 'Only {count} officials can be drawn, fewer than each enterprise needs.',
  },
  'supervision.notAssigned': {
    zh: '只有被抽中的检查人员可以记录检查结果。',
    en: 'Only the drawn inspectors may record the finding.',
  },
  'supervision.alreadyRecorded': { zh: '检查结果已记录。', en: 'The finding is already recorded.' },
  'supervision.findingNoteRequired': {
    zh: '请写明发现的虚假登记事项。',
    en: 'Say what was found to be falsely declared.',
  },
  'supervision.reasonRequired': { zh: '请填写理由。', en: 'Give the reason.' },
  'supervision.proceedingState': {
    zh: '该撤销程序当前状态为 {state}，不能进行此操作。',
    en: 'The proceeding is {state}: this step is not possible now.',
  },
  'supervision.answerPeriodRunning': {
    zh: '陈述申辩期限至 {date}，期满后方可撤销。',
    en: 'The enterprise may answer until {date}: revocation is possible only after that.',
  },
  'supervision.publicNoticeRunning': {
    zh: '公示期至 {date}，期满后方可撤销。',
    en: 'The public notice runs until {date}: revocation is possible only after that.',
  },
  'supervision.enterpriseNotActive': {
    zh: '该企业已注销或已被撤销登记。',
    en: 'The enterprise is already deregistered or revoked.',
  },
  'supervision.answerStatementRequired': {
    zh: '请写明陈述申辩的内容。',
    en: 'Write your statement.',
  },
  'supervision.answerPeriodOver': {
    zh: '陈述申辩期限已于 {date} 届满，不能再提交答复。',
    en: 'The time to answer ended on {date}: an answer can no longer be given.',
  },
  'supervision.alreadyAnswered': {
    zh: '已就该告知提交过答复，不能再次提交。',
    en: 'This notice has already been answered.',
  },
  'supervision.notify.answered.title': {
    zh: '企业已答复撤销登记告知：{enterprise}',
    en: 'The enterprise answered the notice of intended revocation: {enterprise}',
  },
  'supervision.notify.answered.body': {
    zh: '{enterprise} 已提交陈述申辩，请在作出决定前查阅。',
    en: '{enterprise} has answered the notice. Read the answer before deciding.',
  },
  'supervision.notify.notice.title': {
    zh: '撤销登记告知：{enterprise}',
    en: 'Notice of intended revocation: {enterprise}',
  },
  'supervision.notify.notice.body': {
    zh: '经随机抽查，发现登记事项虚假：{ground}。请于 {date} 前陈述申辩，逾期将依法撤销登记。',
    en: 'A random inspection found a false declaration: {ground}. Answer by {date}; after that the registration will be revoked.',
  },
  'supervision.notify.revoked.title': {
    zh: '登记已撤销：{enterprise}',
    en: 'Registration revoked: {enterprise}',
  },
  'supervision.notify.revoked.body': {
    zh: '因 {reason}，{enterprise} 的登记已于 {date} 撤销，营业执照作废。',
    en: 'The registration of {enterprise} was revoked on {date} ({reason}); its business licence is cancelled.',
  },
});
