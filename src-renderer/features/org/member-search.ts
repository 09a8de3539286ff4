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
  /** name, pinyin and initials joined by \u0001 (never typed), so one scan rejects most rows. */
  readonly combined: readonly string[];
  /**
   * For each UTF-16 unit, the rows whose combined string holds it, ascending. A fresh query scans
   * only the rows of its rarest unit instead of all 50,000 (the first keystroke on a slow PC).
   */
  readonly postings: Map<number, number[]>;
  /** The previous query and every row it matched: typing one more letter only rescans those. */
  last: { q: string; matches: Int32Array } | null;
}

export interface SearchResult {
  hits: MemberIndexRow[];
  /** All matches, of which at most `limit` are in hits. */
  total: number;
}

export const DEFAULT_SEARCH_LIMIT = 200;

export function buildSearchIndex(rows: readonly MemberIndexRow[]): SearchIndex {
  const index: SearchIndex = {
    rows: [],
    names: [],
    pinyin: [],
    initials: [],
    combined: [],
    postings: new Map(),
    last: null,
  };
  appendToSearchIndex(index, rows);
  return index;
}

/** Adds a page of rows; the index loads in pages so no single step blocks the page. */
export function appendToSearchIndex(index: SearchIndex, rows: readonly MemberIndexRow[]): void {
  const all = index.rows as MemberIndexRow[];
  const names = index.names as string[];
  const pinyin = index.pinyin as string[];
  const initials = index.initials as string[];
  const combined = index.combined as string[];
  const postings = index.postings;
  for (const row of rows) {
    const name = row.name.toLowerCase();
    const py = row.pinyin.toLowerCase().replace(/\s+/g, '');
    const ini = row.initials.toLowerCase().replace(/\s+/g, '');
    const i = all.length;
    const text = `${name}\u0001${py}\u0001${ini}`;
    all.push(row);
    names.push(name);
    pinyin.push(py);
    initials.push(ini);
    combined.push(text);
    for (let k = 0; k < text.length; k++) {
      const unit = text.charCodeAt(k);
      let list = postings.get(unit);
      if (!list) postings.set(unit, (list = []));
      // Rows arrive in order, so a repeated unit of this row is always the list's last entry.
      if (list[list.length - 1] !== i) list.push(i);
    }
  }
  index.last = null;
}

/** Users type "zhang san" or "ZS"; the index has neither spaces nor capitals. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, '');
}

/**
 * Substring match on name, full pinyin and initials. Ranked in three buckets: exact name, then any
 * prefix (name / pinyin / initials), then other substrings; the index order is kept within a bucket.
 */
/** Pinyin and initials may hold several readings joined by "|" (张朝阳: zhangchaoyang|zhangzhaoyang). */
function isPrefix(name: string, py: string, ini: string, q: string): boolean {
  return (
    name.startsWith(q) ||
    py.startsWith(q) ||
    ini.startsWith(q) ||
    py.includes(`|${q}`) ||
    ini.includes(`|${q}`)
  );
}

const NONE: readonly number[] = [];

function rarestPostings(index: SearchIndex, q: string): readonly number[] {
  let best: readonly number[] | null = null;
  for (let k = 0; k < q.length; k++) {
    const list = index.postings.get(q.charCodeAt(k));
    if (!list) return NONE;
    if (!best || list.length < best.length) best = list;
  }
  return best ?? NONE;
}

export function searchMembers(index: SearchIndex, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
  const q = normalizeQuery(query);
  if (q === '') return { hits: [], total: 0 };
  const { rows, names, pinyin, initials, combined } = index;
  const exact: MemberIndexRow[] = [];
  const prefix: MemberIndexRow[] = [];
  const infix: MemberIndexRow[] = [];
  // Every match of "zha" contains "zh": narrowing from the previous query's matches is exact.
  // Otherwise the candidates are the rows holding the query's rarest character.
  const candidates: ArrayLike<number> =
    index.last !== null && q.startsWith(index.last.q) ? index.last.matches : rarestPostings(index, q);
  const n = candidates.length;
  // A one-character query matches every row that holds the character: no substring test needed.
  const single = q.length === 1;
  const matches = new Int32Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const i = candidates[k]!;
    if (!single && !combined[i]!.includes(q)) continue;
    matches[total++] = i;
    const name = names[i]!;
    let rank: 0 | 1 | 2;
    if (name === q) rank = 0;
    else if (isPrefix(name, pinyin[i]!, initials[i]!, q)) rank = 1;
    else rank = 2;
    // Buckets never need more than `limit` each: the first `limit` of the ranked concatenation
    // comes from them.
    const bucket = rank === 0 ? exact : rank === 1 ? prefix : infix;
    if (bucket.length < limit) bucket.push(rows[i]!);
  }
  index.last = { q, matches: matches.subarray(0, total) };
  const hits = exact.length >= limit ? exact.slice(0, limit) : exact.concat(prefix, infix).slice(0, limit);
  return { hits, total };
}
