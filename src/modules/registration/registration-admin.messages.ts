import { defineMessages } from '../../shared/messages.js';

export const registrationAdminMessages = defineMessages({
  'registration.settingsRange': {
    // Shown at the field it concerns, so it does not name the field.
    zh: '请填写 1 至 {max} 之间的整数（天）。',
    en: 'Give a whole number of days from 1 to {max}.',
  },
  'registration.terms.noticeOnlyForDeregistration': {
    zh: '简易注销公示承诺只适用于注销登记。',
    en: 'The simplified-deregistration promise belongs to deregistration only.',
  },
});
