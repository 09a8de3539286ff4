import { pinyin } from 'pinyin-pro';

/**
 * Full pinyin and initials of a person's name, reading the first character as a surname so that
 * 曾/单/解/仇/区/朴/查/乐 come out as zeng/shan/xie/qiu/ou/piao/zha/yue.
 */
export function namePinyin(name: string): { pinyin: string; initials: string } {
  const full = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const first = pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    surname: 'head',
    nonZh: 'consecutive',
  });
  return {
    pinyin: full.join('').toLowerCase().replace(/\s+/g, ''),
    initials: first.join('').toLowerCase().replace(/\s+/g, ''),
  };
}
