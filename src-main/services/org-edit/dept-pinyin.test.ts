import { describe, expect, it } from 'vitest';
import { deptPinyin } from './dept-pinyin';

describe('deptPinyin', () => {
  it('spells a department name and its initials', () => {
    expect(deptPinyin('心内科')).toEqual({ pinyin: 'xinneike', initials: 'xnk' });
  });

  it('does not read the first character as a surname', () => {
    expect(deptPinyin('单病种质控办').pinyin.startsWith('dan')).toBe(true);
  });

  it('keeps letters and digits of mixed names', () => {
    expect(deptPinyin('ICU一病区').pinyin).toBe('icuyibingqu');
  });
});
