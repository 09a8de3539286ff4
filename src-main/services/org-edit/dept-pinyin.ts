import { pinyin } from 'pinyin-pro';

/** Department names change rarely: each is spelled once per run. */
const cache = new Map<string, { pinyin: string; initials: string }>();
const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;

/**
 * Full pinyin and initials of a department name, for the 移动到 / 部门 pickers' search ("xnk" or
 * "xinneike" finds 心内科). Unlike a person's name the first character is not read as a surname
 * (单病种质控办 is danbingzhong…, not shan…).
 */
export function deptPinyin(name: string): { pinyin: string; initials: string } {
  let hit = cache.get(name);
  if (!hit) {
    const syllables = pinyin(name, opts).map((s) => s.toLowerCase().replace(/\s+/g, ''));
    hit = { pinyin: syllables.join(''), initials: syllables.map((s) => s.charAt(0)).join('') };
    cache.set(name, hit);
  }
  return hit;
}
