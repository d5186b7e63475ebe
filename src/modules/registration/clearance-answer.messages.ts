import { defineMessages } from '../../shared/messages.js';

export const clearanceAnswerMessages = defineMessages({
  'registration.clearanceNotBlocked': {
    zh: '该部门未登记未结清事项，无需答复。',
    en: 'That department has recorded no outstanding obligation to answer.',
  },
});
