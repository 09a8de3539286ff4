import { pinyin } from 'pinyin-pro';

/** Alternative spellings kept per name, so a wrong dictionary guess costs little index space. */
const MAX_READINGS = 4;

const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;

/**
 * Full pinyin and initials of a person's name, reading the first character as a surname so that
 * 曾/单/解/仇/区/朴/查/乐 come out as zeng/shan/xie/qiu/ou/piao/zha/yue. Given names keep the other
 * readings of polyphonic characters too (张朝阳 is zhangchaoyang|zhangzhaoyang), joined by "|": the
 * dictionary's choice comes first and decides sorting; search matches any of them.
 */
export function namePinyin(name: string): { pinyin: string; initials: string } {
  const primary = pinyin(name, { ...opts, surname: 'head' }).map((s) => s.toLowerCase().replace(/\s+/g, ''));
  const chars = [...name];
  // Same length means one syllable per character, so alternatives can be swapped in place.
  let readings: string[][] = [primary];
  if (primary.length === chars.length) {
    // From the second character: the surname keeps its surname reading (曾 is zeng, never ceng).
    for (let i = 1; i < chars.length && readings.length < MAX_READINGS; i++) {
      const alts = pinyin(chars[i]!, { ...opts, multiple: true }).map((s) => s.toLowerCase());
      const extra: string[][] = [];
      for (const r of readings) {
        for (const a of alts) {
          if (a === r[i] || readings.length + extra.length >= MAX_READINGS) continue;
          extra.push(r.map((s, j) => (j === i ? a : s)));
        }
      }
      readings = readings.concat(extra);
    }
  }
  const full = [...new Set(readings.map((r) => r.join('')))];
  const initials = [...new Set(readings.map((r) => r.map((s) => s[0] ?? '').join('')))];
  return { pinyin: full.join('|'), initials: initials.join('|') };
}
