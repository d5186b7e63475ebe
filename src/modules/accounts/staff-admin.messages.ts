import { defineMessages } from '../../shared/messages.js';

export const staffAdminMessages = defineMessages({
  'accounts.cannotDisableSelf': {
    zh: '不能停用自己的账户。',
    en: 'You cannot disable your own account.',
  },
  'accounts.alreadyDisabled': { zh: '该账户已停用。', en: 'The account is already disabled.' },
  'accounts.notDisabled': { zh: '该账户未停用。', en: 'The account is not disabled.' },
});
