import { describe, expect, it } from 'vitest';
import { defineMessages, localiseParam, translate, translateForPeople } from '../../src/shared/messages.js';

// Issue 20: a notification's dates are written in the reader's language (2026年12月3日 / Dec 3, 2026),
// never as ISO beside the web page's own dates.

defineMessages({
  'test.dates.body': {
    zh: '保留期至 {expiresOn}，发出于 {at}，编号 {number}。',
    en: 'Reserved until {expiresOn}, sent {at}, number {number}.',
  },
});

describe('dates in texts for people', () => {
  it('writes a calendar day and an instant (in Qingdao time) per locale', () => {
    expect(localiseParam('ZH_CN', '2026-12-03')).toBe('2026年12月3日');
    expect(localiseParam('EN', '2026-12-03')).toBe('Dec 3, 2026');
    expect(localiseParam('EN', '2026-12-02T18:30:00.000Z')).toBe('Dec 3, 2026, 2:30 AM');
    expect(localiseParam('ZH_CN', '2026-12-02T18:30:00Z')).toBe('2026年12月3日 02:30');
  });

  it('leaves everything else alone: numbers, codes, and a day that does not exist', () => {
    expect(localiseParam('EN', 7)).toBe(7);
    expect(localiseParam('EN', '2026-02-30')).toBe('2026-02-30');
    expect(localiseParam('EN', '91370211MA000000XX')).toBe('91370211MA000000XX');
    expect(localiseParam('EN', 'before 2026-12-03')).toBe('before 2026-12-03');
  });

  it('notification texts get them; plain translate (error messages about input) keeps the ISO form', () => {
    const params = { expiresOn: '2027-01-26', at: '2026-11-26T01:00:00Z', number: '2026-000001' };
    expect(translateForPeople('EN', 'test.dates.body', params)).toBe(
      'Reserved until Jan 26, 2027, sent Nov 26, 2026, 9:00 AM, number 2026-000001.',
    );
    expect(translateForPeople('ZH_CN', 'test.dates.body', params)).toBe(
      '保留期至 2027年1月26日，发出于 2026年11月26日 09:00，编号 2026-000001。',
    );
    expect(translate('EN', 'test.dates.body', params)).toContain('2027-01-26');
  });
});
