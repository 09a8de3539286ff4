/**
 * Pinyin type-ahead for the tree, like Windows Explorer: letters typed within a short pause form one
 * query; the next visible department (from the focused one, wrapping) whose name, full pinyin or
 * initials start with it gets the focus. 「gk」 and 「guke」 both find 骨科.
 */

export interface DeptSpelling {
  /** Full pinyin, lowercased, without spaces. */
  full: string;
  initials: string;
}

type Speller = (name: string) => DeptSpelling;

let speller: Promise<Speller> | null = null;

/**
 * pinyin-pro's dictionary is large: loaded on the first letter typed in the tree, never at page
 * mount, so opening 通讯录 does not pay for it.
 */
export function loadSpeller(): Promise<Speller> {
  speller ??= import('pinyin-pro').then(({ pinyin }) => {
    const cache = new Map<string, DeptSpelling>();
    return (name: string) => {
      let hit = cache.get(name);
      if (!hit) {
        const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) =>
          s.toLowerCase().replace(/\s+/g, ''),
        );
        hit = { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
        cache.set(name, hit);
      }
      return hit;
    };
  });
  return speller;
}

export function matchesTypeAhead(name: string, query: string, spell: Speller): boolean {
  const q = query.toLowerCase();
  if (name.toLowerCase().startsWith(q)) return true;
  const s = spell(name);
  return s.initials.startsWith(q) || s.full.startsWith(q);
}

/**
 * Index of the department to focus, or -1. A one-letter query steps to the next match after the
 * focused row (pressing g again cycles through the g's); a longer query first tries the focused
 * row itself, so typing on refines the current hit instead of skipping it.
 */
export function findTypeAhead(
  names: readonly string[],
  focused: number,
  query: string,
  spell: Speller,
): number {
  const n = names.length;
  if (n === 0 || query === '') return -1;
  const from = query.length === 1 ? focused + 1 : Math.max(focused, 0);
  for (let k = 0; k < n; k++) {
    const i = (((from + k) % n) + n) % n;
    if (matchesTypeAhead(names[i]!, query, spell)) return i;
  }
  return -1;
}

/** Letters typed within this pause belong to one query. */
export const TYPEAHEAD_PAUSE_MS = 900;
