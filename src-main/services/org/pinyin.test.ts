import { describe, expect, it } from 'vitest';
import { namePinyin } from './pinyin';

describe('namePinyin', () => {
  it('reads polyphonic surnames as surnames', () => {
    expect(namePinyin('曾小贤')).toEqual({ pinyin: 'zengxiaoxian', initials: 'zxx' });
    expect(namePinyin('单田芳').pinyin).toBe('shantianfang');
    expect(namePinyin('解缙').pinyin).toBe('xiejin');
    expect(namePinyin('仇英').initials).toBe('qy');
    expect(namePinyin('尉迟恭').pinyin).toBe('yuchigong');
  });
  it('keeps given names in their ordinary reading', () => {
    expect(namePinyin('李乐乐').pinyin).toBe('lilele');
  });
  it('passes latin letters through', () => {
    expect(namePinyin('Anna').pinyin).toBe('anna');
  });
});
