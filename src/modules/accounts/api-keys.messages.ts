import { defineMessages } from '../../shared/messages.js';

export const apiKeyMessages = defineMessages({
  'apiKeys.scopeNotAllowed': {
    zh: '本机构的密钥不能使用以下权限范围：{scopes}。',
    en: "Your organisation's keys may not carry these scopes: {scopes}.",
  },
  'apiKeys.overlapOutOfRange': {
    zh: '新旧密钥并行有效时间须在 {min} 到 {max} 小时之间。',
    en: 'The overlap must be between {min} and {max} hours.',
  },
  'apiKeys.expiryNotFuture': {
    zh: '到期时间必须晚于当前时间。',
    en: 'The expiry must be in the future.',
  },
  'apiKeys.revokedUnchangeable': {
    zh: '该密钥已撤销，不能再修改。',
    en: 'This key is revoked and can no longer be changed.',
  },
  'apiKeys.notActive': {
    zh: '该密钥已撤销或已过期，不能轮换。',
    en: 'This key is revoked or expired and cannot be rotated.',
  },
});
