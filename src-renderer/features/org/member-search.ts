import type { MemberIndexRow } from '../../../src-main/contract';

/**
 * The in-memory search index over all members. Lowercased strings are computed once when the
 * index loads so a keystroke only scans (no allocation besides the result).
 */
export interface SearchIndex {
  readonly rows: readonly MemberIndexRow[];
  readonly names: readonly string[];
  readonly pinyin: readonly string[];
  readonly initials: readonly string[];
}

export interface SearchResult {
  hits: MemberIndexRow[];
  /** All matches, of which at most `limit` are in hits. */
  total: number;
}

export const DEFAULT_SEARCH_LIMIT = 200;

export function buildSearchIndex(rows: readonly MemberIndexRow[]): SearchIndex {
  const n = rows.length;
  const names = new Array<string>(n);
  const pinyin = new Array<string>(n);
  const initials = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    names[i] = row.name.toLowerCase();
    pinyin[i] = row.pinyin.toLowerCase().replace(/\s+/g, '');
    initials[i] = row.initials.toLowerCase().replace(/\s+/g, '');
  }
  return { rows, names, pinyin, initials };
}

/** Users type "zhang san" or "ZS"; the index has neither spaces nor capitals. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, '');
}

/**
 * Substring match on name, full pinyin and initials. Ranked in three buckets: exact name, then any
 * prefix (name / pinyin / initials), then other substrings; the index order is kept within a bucket.
 */
export function searchMembers(index: SearchIndex, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
  const q = normalizeQuery(query);
  if (q === '') return { hits: [], total: 0 };
  const { rows, names, pinyin, initials } = index;
  const exact: MemberIndexRow[] = [];
  const prefix: MemberIndexRow[] = [];
  const infix: MemberIndexRow[] = [];
  let total = 0;
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    const py = pinyin[i]!;
    const ini = initials[i]!;
    let rank: 0 | 1 | 2;
    if (name === q) rank = 0;
    else if (name.startsWith(q) || py.startsWith(q) || ini.startsWith(q)) rank = 1;
    else if (name.includes(q) || py.includes(q) || ini.includes(q)) rank = 2;
    else continue;
    total++;
    // Buckets never need more than `limit` each: the first `limit` of the ranked concatenation
    // comes from them.
    const bucket = rank === 0 ? exact : rank === 1 ? prefix : infix;
    if (bucket.length < limit) bucket.push(rows[i]!);
  }
  const hits = exact.length >= limit ? exact.slice(0, limit) : exact.concat(prefix, infix).slice(0, limit);
  return { hits, total };
}
