import { describe, expect, it } from 'vitest';
import { detectUseridStyle, suggestUserid, useridFromSyllables } from './userid-suggest';

const rows = (...pairs: Array<[string, string]>) => pairs.map(([userid, pinyin]) => ({ userid, pinyin }));

describe('detectUseridStyle', () => {
  it('reads the corp’s pattern from existing userids, numeric suffixes included', () => {
    expect(
      detectUseridStyle(
        rows(
          ['ZhangNingAn', 'zhangningan'],
          ['LiSi2', 'lisi'],
          ['ZengMing', 'zengming|cengming'],
          ['admin', 'x'],
        ),
      ),
    ).toBe('pascal');
    expect(
      detectUseridStyle(rows(['zhangningan', 'zhangningan'], ['lisi', 'lisi'], ['WangWu', 'wangwu'])),
    ).toBe('lower');
  });
  it('gives no pattern when userids are mostly not pinyin (e.g. staff numbers)', () => {
    expect(
      detectUseridStyle(rows(['10023', 'zhangsan'], ['10024', 'lisi'], ['WangWu', 'wangwu'])),
    ).toBeNull();
    expect(detectUseridStyle([])).toBeNull();
  });
});

describe('suggestUserid', () => {
  const syl = ['zhang', 'ning', 'an'];
  it('writes the syllables in the style', () => {
    expect(useridFromSyllables(syl, 'pascal')).toBe('ZhangNingAn');
    expect(useridFromSyllables(syl, 'lower')).toBe('zhangningan');
    expect(useridFromSyllables(['lv', 'ü'], 'pascal')).toBe('Lv');
  });
  it('adds 2, 3 … on clashes, comparing case-insensitively (staged and pending-deletion userids included)', () => {
    expect(suggestUserid(syl, 'pascal', new Set())).toBe('ZhangNingAn');
    expect(suggestUserid(syl, 'pascal', new Set(['zhangningan']))).toBe('ZhangNingAn2');
    expect(suggestUserid(syl, 'pascal', new Set(['zhangningan', 'zhangningan2']))).toBe('ZhangNingAn3');
    expect(suggestUserid(syl, 'lower', new Set(['zhangningan']))).toBe('zhangningan2');
    expect(suggestUserid([], 'pascal', new Set())).toBe('');
  });
});
