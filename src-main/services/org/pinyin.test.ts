import { describe, expect, it } from 'vitest';
import { namePinyin } from './pinyin';

const first = (s: string) => s.split('|')[0];

describe('namePinyin', () => {
  it('reads polyphonic surnames as surnames', () => {
    expect(first(namePinyin('曾小贤').pinyin)).toBe('zengxiaoxian');
    expect(first(namePinyin('曾小贤').initials)).toBe('zxx');
    expect(first(namePinyin('单田芳').pinyin)).toBe('shantianfang');
    expect(first(namePinyin('解缙').pinyin)).toBe('xiejin');
    expect(first(namePinyin('仇英').initials)).toBe('qy');
    expect(namePinyin('尉迟恭').pinyin.split('|')).toContain('yuchigong');
  });

  it('keeps the dictionary reading first and the other readings of given-name characters after it', () => {
    const zhao = namePinyin('张朝阳');
    expect(zhao.pinyin.split('|')).toEqual(expect.arrayContaining(['zhangchaoyang', 'zhangzhaoyang']));
    expect(zhao.initials.split('|')).toEqual(expect.arrayContaining(['zcy', 'zzy']));
    expect(first(namePinyin('李乐乐').pinyin)).toBe('lilele');
    // Surnames never get alternative readings: 曾 is zeng, not ceng.
    expect(namePinyin('曾小贤').pinyin).not.toContain('ceng');
  });

  it('caps the alternatives and leaves plain names alone', () => {
    expect(namePinyin('乐乐乐乐').pinyin.split('|').length).toBeLessThanOrEqual(4);
    expect(namePinyin('王伟')).toEqual({ pinyin: 'wangwei', initials: 'ww' });
    expect(namePinyin('Anna').pinyin).toBe('anna');
  });
});
