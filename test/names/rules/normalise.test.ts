import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../src/modules/names/rules/normalise.js';

describe('normaliseName', () => {
  it('turns traditional characters into simplified ones: 青島 → 青岛', () => {
    expect(normaliseName('青島海川智能科技有限公司')).toBe('青岛海川智能科技有限公司');
  });

  it('converts Hong Kong variant characters too', () => {
    expect(normaliseName('海川資訊科技有限公司')).toBe('海川资讯科技有限公司');
    expect(normaliseName('衞星')).toBe('卫星');
  });

  it('keeps characters that are already simplified, such as 著 in 显著', () => {
    expect(normaliseName('显著')).toBe('显著');
  });

  it('removes spaces anywhere, including ideographic spaces and leading or trailing blanks', () => {
    expect(normaliseName(' 青岛　海川 智能科技\t有限公司 ')).toBe('青岛海川智能科技有限公司');
  });

  it('removes zero-width characters pasted from documents', () => {
    expect(normaliseName('青岛\u200b海川\ufeff有限公司')).toBe('青岛海川有限公司');
  });

  it('makes half-width brackets full-width: 海川(青岛) → 海川（青岛）', () => {
    expect(normaliseName('海川(青岛)智能科技有限公司')).toBe('海川（青岛）智能科技有限公司');
  });

  it('keeps full-width brackets and unifies other bracket styles to them', () => {
    expect(normaliseName('海川（青岛）智能科技有限公司')).toBe('海川（青岛）智能科技有限公司');
    expect(normaliseName('海川【青岛】智能科技有限公司')).toBe('海川（青岛）智能科技有限公司');
    expect(normaliseName('海川[青岛]智能科技有限公司')).toBe('海川（青岛）智能科技有限公司');
  });

  it('makes full-width letters and digits half-width and upper-cases Latin letters', () => {
    expect(normaliseName('青岛ａｂｃ１２３科技有限公司')).toBe('青岛ABC123科技有限公司');
    expect(normaliseName('青岛Abc科技有限公司')).toBe('青岛ABC科技有限公司');
  });

  it('unifies interpuncts between the parts of a transliterated name', () => {
    expect(normaliseName('青岛阿里・巴巴有限公司')).toBe('青岛阿里·巴巴有限公司');
  });

  it('is idempotent', () => {
    const once = normaliseName(' 海川(青島)ｓｍａｒｔ有限公司 ');
    expect(normaliseName(once)).toBe(once);
  });
});
