import { defineMessages } from '../../shared/messages.js';

export const actingForMessages = defineMessages({
  'registration.agents.selfInvite': {
    zh: '您已在为该企业办理业务，无需邀请自己。',
    en: 'You already act for this enterprise; you cannot invite yourself.',
  },
  'registration.agents.alreadyAgent': {
    zh: '该账户已在为该企业办理业务。',
    en: 'That account already acts for this enterprise.',
  },
  'registration.agents.alreadyInvited': {
    zh: '已向该邮箱发出邀请，尚未过期。',
    en: 'An invitation to that email address is already open.',
  },
  'registration.agents.notApplicant': {
    zh: '该邮箱属于工作人员账户，只有申请人账户可以代企业办理业务。',
    en: 'That email belongs to a staff account; only applicant accounts can act for an enterprise.',
  },
  'registration.agents.tooMany': {
    zh: '一个企业最多可有 {max} 名代办人（含未处理的邀请）。',
    en: 'An enterprise can have at most {max} agents, open invitations included.',
  },
  'registration.agents.invitationExpired': {
    zh: '该邀请已过期，请联系企业重新邀请。',
    en: 'This invitation has expired; ask the enterprise to invite you again.',
  },
  'registration.agents.invitationUsed': {
    zh: '该邀请已被接受或撤回，不能再使用。',
    en: 'This invitation has already been accepted or revoked.',
  },
  'registration.agents.notAnAgent': {
    zh: '该账户并未代该企业办理业务。',
    en: 'That account does not act for this enterprise.',
  },
  'registration.agents.lastAgent': {
    zh: '不能移除最后一名代办人：请先邀请他人并待其接受。',
    en: 'You cannot remove the last agent: invite someone else first and wait until they accept.',
  },
  'registration.notify.agentInvited.title': {
    zh: '代办邀请：{name}',
    en: 'Invitation to act for {name}',
  },
  'registration.notify.agentInvited.body': {
    zh: '{inviter} 邀请您代 {name} 办理业务。请在“我的企业”中于 {days} 天内接受。',
    en: '{inviter} has invited you to act for {name}. Accept it under My enterprises within {days} days.',
  },
  'registration.notify.agentAdded.title': {
    zh: '新的代办人：{name}',
    en: 'New agent for {name}',
  },
  'registration.notify.agentAdded.body': {
    zh: '{agent} 已接受邀请，开始代 {name} 办理业务。',
    en: '{agent} has accepted the invitation and now acts for {name}.',
  },
  'registration.notify.agentRemoved.title': {
    zh: '代办人变更：{name}',
    en: 'Agent removed from {name}',
  },
  'registration.notify.agentRemoved.body': {
    zh: '{agent} 已不再代 {name} 办理业务。',
    en: '{agent} no longer acts for {name}.',
  },
});
