import { defineMessages } from '../../shared/messages.js';

export const accountMessages = defineMessages({
  'accounts.emailTaken': { zh: '该电子邮箱已注册。', en: 'An account with this email already exists.' },
  'accounts.invalidCredentials': { zh: '电子邮箱或密码不正确。', en: 'The email or password is wrong.' },
  'accounts.tooManyAttempts': {
    zh: '登录失败次数过多，请在 {seconds} 秒后重试。',
    en: 'Too many failed sign-ins. Try again in {seconds} seconds.',
  },
  'accounts.passwordTooShort': { zh: '密码至少需要 10 个字符。', en: 'The password must have at least 10 characters.' },
  'accounts.passwordTooLong': { zh: '密码不能超过 128 个字符。', en: 'The password must have at most 128 characters.' },
  'accounts.passwordNeedsLettersAndDigits': {
    zh: '密码须同时包含字母和数字。',
    en: 'The password must contain both letters and digits.',
  },
  'accounts.passwordContainsEmail': {
    zh: '密码不能包含电子邮箱用户名。',
    en: 'The password must not contain the name part of the email.',
  },
  'accounts.departmentRequired': { zh: '政府工作人员必须指定所属部门。', en: 'An official needs a department.' },
  'accounts.departmentOnlyForOfficials': {
    zh: '只有政府工作人员才有所属部门。',
    en: 'Only officials belong to a department.',
  },
  'accounts.organisationRequired': {
    zh: '银行工作人员须指定银行，托管机构工作人员须指定律师事务所或会计师事务所。',
    en: 'A bank officer needs a bank; a host agent needs a law or accounting firm.',
  },
  'accounts.organisationKindMismatch': {
    zh: '该机构类型与角色不符。',
    en: 'The organisation is not of the kind this role needs.',
  },
  'accounts.organisationAdminNeedsOrganisation': {
    zh: '只有银行工作人员或托管机构工作人员可以担任机构管理员。',
    en: 'Only a bank officer or a host agent can administer an organisation.',
  },
  'accounts.roleNotStaff': {
    zh: '只能创建银行、托管机构、政府或管理员账号。',
    en: 'Staff accounts are bank officers, host agents, officials or administrators.',
  },
  'accounts.organisationNameTaken': { zh: '已存在同名机构。', en: 'An organisation with this name already exists.' },
  'accounts.scopesRequired': { zh: '请至少选择一个权限范围。', en: 'Choose at least one scope.' },
  'accounts.alreadyRevoked': { zh: '该密钥已被撤销。', en: 'This key is already revoked.' },
  'accounts.notSignedInWithSession': {
    zh: '当前请求不是通过登录会话发出的。',
    en: 'This request was not made with a sign-in session.',
  },
  'accounts.wrongCurrentPassword': { zh: '当前密码不正确。', en: 'The current password is wrong.' },
});
