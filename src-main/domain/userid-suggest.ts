/**
 * 账号 suggested from a new member's name, in the corp's own pattern. The pattern is read from the
 * userids already in the directory: most hospitals write the full pinyin of the name, either
 * capitalised per syllable (ZhangNingAn, as WeCom's console suggests) or all lower case
 * (zhangningan), with a number on clashes (ZhangWei2). A corp whose userids are not pinyin (工号 …)
 * gets no suggestion rather than a wrong one. Pure: the caller supplies the name's syllables.
 */

export type UseridStyle = 'pascal' | 'lower';

/** A directory row as the member index has it: pinyin readings joined by "|". */
export interface UseridSample {
  userid: string;
  pinyin: string;
}

/** Below this share of pinyin userids the corp is taken to use another scheme. */
const MIN_PINYIN_SHARE = 0.5;
/** Enough rows to see the pattern; the rest adds nothing. */
const MAX_SAMPLES = 2000;

const withoutSuffix = (userid: string): string => userid.replace(/\d+$/, '');

/** The corp's pattern, or null when its userids are mostly not the pinyin of names. */
export function detectUseridStyle(rows: readonly UseridSample[]): UseridStyle | null {
  const sample = rows.length > MAX_SAMPLES ? rows.slice(0, MAX_SAMPLES) : rows;
  let pascal = 0;
  let lower = 0;
  for (const r of sample) {
    const id = withoutSuffix(r.userid);
    if (id === '') continue;
    const readings = r.pinyin.toLowerCase().split('|');
    if (!readings.includes(id.toLowerCase())) continue;
    if (id === id.toLowerCase()) lower++;
    else if (/^[A-Z]/.test(id)) pascal++;
  }
  if (sample.length === 0 || (pascal + lower) / sample.length < MIN_PINYIN_SHARE) return null;
  return pascal >= lower ? 'pascal' : 'lower';
}

/** The userid for the syllables of a name in a style: ['zhang','ning','an'] → ZhangNingAn. */
export function useridFromSyllables(syllables: readonly string[], style: UseridStyle): string {
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter((s) => s !== '');
  if (style === 'lower') return clean.join('');
  return clean.map((s) => s[0]!.toUpperCase() + s.slice(1)).join('');
}

/**
 * The first free userid: the base, then base2, base3 … as WeCom's console numbers them. `taken` holds
 * lower-cased userids (WeCom compares them case-insensitively): the directory, staged new members
 * and members pending deletion, which still hold theirs until pushed. '' when there is no base.
 */
export function suggestUserid(
  syllables: readonly string[],
  style: UseridStyle,
  taken: ReadonlySet<string>,
): string {
  const base = useridFromSyllables(syllables, style).slice(0, 60);
  if (base === '') return '';
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
