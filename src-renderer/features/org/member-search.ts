import type { MemberIndexRow } from '../../../src-main/contract';
import { POLYPHONIC_SURNAMES, withSurnameReadings } from './surname-readings';

/**
 * The in-memory search index over all members, and the one ranking every member picker uses (the
 * member table's search box, the tag and leader pickers): exact name, initials, pinyin, 账号, mobile
 * or e-mail first; then any of them starting with the query; then the rest that contain it.
 *
 * A row's searchable words are joined into one lowercased string, each word between \u0001 marks
 * (never typed), so a substring, a prefix ("\u0001q") and an exact test ("\u0001q\u0001") are one
 * `includes` each and a keystroke allocates nothing per row. The ASCII words (pinyin, initials, 账号,
 * mobile, e-mail) and the 汉字 name are kept apart: an ASCII query scans one-byte strings only.
 */
export interface SearchIndex {
  readonly rows: readonly MemberIndexRow[];
  /** Per row: \u0001pinyin…\u0001initials…\u0001账号\u0001 (and the name when it is ASCII). */
  readonly keys: readonly string[];
  /**
   * Per row: \u0001mobile\u0001e-mail\u0001, searched only by queries with a digit or one of @ . _ - +
   * ("1380", "cuibo@"): letter-only queries, the common case, scan the short keys alone.
   */
  readonly contacts: readonly string[];
  /** Per row: the letters that are a whole word of its keys on their own (initials of 王 = "w"). */
  singles: Int32Array;
  /** Per row: \u0001name\u0001, lowercased, searched by queries holding a non-ASCII character. */
  readonly names: readonly string[];
  /** Per row: which ASCII letters (bits 0–25) and digits (folded onto bits 26–30) its keys hold. */
  masks: Int32Array;
  /**
   * For each non-ASCII UTF-16 unit (汉字), the rows whose name holds it, ascending: a query with a
   * 汉字 scans only those. ASCII queries test the masks instead, which allocate nothing per row.
   */
  readonly postings: Map<number, number[]>;
  /** The previous query and every row it matched: typing one more letter only rescans those. */
  last: { q: string; matches: Int32Array } | null;
  /** Two reusable match buffers: one holds `last`, the next search fills the other. */
  buffers: [Int32Array, Int32Array];
  /** main's name for the rows indexed (org.getMemberIndex), to skip reloading an unchanged index. */
  revision?: string | undefined;
}

export interface SearchResult {
  hits: MemberIndexRow[];
  /** All matches, of which at most `limit` are in hits. */
  total: number;
}

export const DEFAULT_SEARCH_LIMIT = 200;
const SEP = '\u0001';

export function buildSearchIndex(rows: readonly MemberIndexRow[]): SearchIndex {
  const index: SearchIndex = {
    rows: [],
    keys: [],
    contacts: [],
    names: [],
    masks: new Int32Array(Math.max(1024, rows.length)),
    singles: new Int32Array(Math.max(1024, rows.length)),
    postings: new Map(),
    last: null,
    buffers: [new Int32Array(0), new Int32Array(0)],
  };
  appendToSearchIndex(index, rows);
  return index;
}

/** Bit of an ASCII letter or digit, 0 for anything else (a digit shares its bit with d ± 5). */
function unitBit(unit: number): number {
  if (unit >= 97 && unit <= 122) return 1 << (unit - 97);
  if (unit >= 48 && unit <= 57) return 1 << (26 + ((unit - 48) % 5));
  return 0;
}

const NON_ASCII = /[\u0080-\uffff]/g;
const ASCII = { test: (s: string): boolean => s.search(NON_ASCII) === -1 };
const SPACES = /\s+/g;

/** A row's words for SearchIndex.keys, .contacts and .names; main's pinyin holds no spaces. */
export function searchKeys(row: MemberIndexRow): { keys: string; contacts: string; name: string } {
  const name = row.name.toLowerCase().replace(SPACES, '');
  let pinyin = row.pinyin.toLowerCase();
  let initials = row.initials.toLowerCase();
  if (POLYPHONIC_SURNAMES[row.name.charAt(0)]) {
    const r = withSurnameReadings(row.name, pinyin.split('|'), initials.split('|'));
    pinyin = r.pinyin.join('|');
    initials = r.initials.join('|');
  }
  let keys = `${SEP}${pinyin}|${initials}|${row.userid}${SEP}`.toLowerCase().replaceAll('|', SEP);
  if (ASCII.test(name)) keys = SEP + name + keys;
  if (!ASCII.test(keys)) keys = keys.replace(NON_ASCII, '');
  const contacts = `${SEP}${row.mobile ?? ''}${SEP}${(row.email ?? '').toLowerCase()}${SEP}`;
  return { keys: keys.replace(SPACES, ''), contacts: contacts.replace(SPACES, ''), name: SEP + name + SEP };
}

/** Adds a page of rows; the index loads in pages so no single step blocks the page. */
export function appendToSearchIndex(index: SearchIndex, rows: readonly MemberIndexRow[]): void {
  const all = index.rows as MemberIndexRow[];
  const keys = index.keys as string[];
  const contacts = index.contacts as string[];
  const names = index.names as string[];
  if (index.masks.length < all.length + rows.length) {
    const size = Math.max(index.masks.length * 2, all.length + rows.length);
    const grow = (old: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(old.subarray(0, all.length));
      return grown;
    };
    index.masks = grow(index.masks);
    index.singles = grow(index.singles);
  }
  const { masks, singles, postings } = index;
  for (const row of rows) {
    const i = all.length;
    const words = searchKeys(row);
    const text = words.keys;
    let mask = 0;
    let single = 0;
    for (let k = 0; k < text.length; k++) {
      const bit = unitBit(text.charCodeAt(k));
      mask |= bit;
      // A letter between two separators is a one-letter word.
      if (bit !== 0 && text.charCodeAt(k - 1) === 1 && text.charCodeAt(k + 1) === 1) single |= bit;
    }
    const name = words.name;
    for (let k = 1; k < name.length - 1; k++) {
      const unit = name.charCodeAt(k);
      if (unit < 128) continue;
      let list = postings.get(unit);
      if (!list) postings.set(unit, (list = []));
      // Rows arrive in order, so a repeated unit of this row is always the list's last entry.
      if (list[list.length - 1] !== i) list.push(i);
    }
    all.push(row);
    keys.push(text);
    contacts.push(words.contacts);
    names.push(name);
    masks[i] = mask;
    singles[i] = single;
  }
  index.last = null;
}

/** Users type "zhang san", "ZS" or "138 0013 8000"; the index has neither spaces nor capitals. */
export function normalizeQuery(query: string): string {
  // \u0001 is stripped too: it separates the words of a row.
  return query.trim().toLowerCase().replace(SPACES, '').replaceAll(SEP, '');
}

/** The rows a fresh query must test: those holding its rarest 汉字, or all rows for ASCII queries. */
function freshCandidates(index: SearchIndex, q: string): readonly number[] | null {
  let best: readonly number[] | null = null;
  for (let k = 0; k < q.length; k++) {
    const unit = q.charCodeAt(k);
    if (unit < 128) continue;
    const list = index.postings.get(unit) ?? [];
    if (!best || list.length < best.length) best = list;
  }
  return best;
}

function queryMask(q: string): number {
  let mask = 0;
  for (let k = 0; k < q.length; k++) mask |= unitBit(q.charCodeAt(k));
  return mask;
}

/** The rank of a matching row: 0 a whole word equals the query, 1 a word starts with it, 2 inside. */
export function matchRank(keys: string, q: string): 0 | 1 | 2 {
  const prefix = SEP + q;
  if (!keys.includes(prefix)) return 2;
  return keys.includes(prefix + SEP) ? 0 : 1;
}

type QueryKind = 'name' | 'words' | 'contact';

/** 汉字 search names; a digit or @ . _ - + also searches mobile and e-mail; letters search keys. */
function kindOf(q: string): QueryKind {
  if (!ASCII.test(q)) return 'name';
  return /[0-9@._+-]/.test(q) ? 'contact' : 'words';
}

/** -1 when `text` does not hold q, else its rank there (see matchRank). */
function rankIn(text: string, q: string): -1 | 0 | 1 | 2 {
  return text.includes(q) ? matchRank(text, q) : -1;
}

export function searchMembers(index: SearchIndex, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
  const q = normalizeQuery(query);
  if (q === '') return { hits: [], total: 0 };
  const { rows, masks, singles, contacts } = index;
  const kind = kindOf(q);
  const texts = kind === 'name' ? index.names : index.keys;
  const n = rows.length;
  const buckets: [MemberIndexRow[], MemberIndexRow[], MemberIndexRow[]] = [[], [], []];
  const last = index.last;
  // Every match of "zha" contains "zh": narrowing from the previous query's matches is exact,
  // within one kind of query (each kind searches its own strings).
  const narrowing = last !== null && q.startsWith(last.q) && kindOf(last.q) === kind;
  const fresh = narrowing ? null : freshCandidates(index, q);
  const count = narrowing ? last.matches.length : fresh ? fresh.length : n;
  // Fill the buffer that does not hold the previous matches (reused: no 200 kB per keystroke).
  const slot = last !== null && last.matches.buffer === index.buffers[0].buffer ? 1 : 0;
  if (index.buffers[slot].length < n) index.buffers[slot] = new Int32Array(n);
  const out = index.buffers[slot];
  // The masks cover the keys only: contact queries may match in strings they do not describe.
  const qMask = kind === 'words' ? queryMask(q) : 0;
  // One letter: its mask bit says the row holds it, its singles bit whether it is a whole word.
  const letter = q.length === 1 && kind === 'words' ? qMask : 0;
  const exact = SEP + q + SEP;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const i = narrowing ? last.matches[k]! : fresh ? fresh[k]! : k;
    if ((masks[i]! & qMask) !== qMask) continue;
    const text = texts[i]!;
    if (kind === 'contact') {
      // Either string may hold it; the better rank counts.
      const a = rankIn(text, q);
      const b = rankIn(contacts[i]!, q);
      if (a === -1 && b === -1) continue;
      out[total++] = i;
      const rank = a === -1 ? b : b === -1 ? a : Math.min(a, b);
      const bucket = buckets[rank as 0 | 1 | 2];
      if (bucket.length < limit) bucket.push(rows[i]!);
      continue;
    }
    if (letter === 0 && !text.includes(q)) continue;
    out[total++] = i;
    // Buckets never need more than `limit` each: the first `limit` of the ranked concatenation
    // comes from them. Once the prefix bucket is full only exact words can still get in.
    if (buckets[0].length >= limit) continue;
    if (letter !== 0 && (singles[i]! & letter) !== 0) {
      buckets[0].push(rows[i]!);
      continue;
    }
    if (buckets[1].length >= limit) {
      if (letter === 0 && text.includes(exact)) buckets[0].push(rows[i]!);
      continue;
    }
    const bucket = buckets[matchRank(text, q)];
    if (bucket.length < limit) bucket.push(rows[i]!);
  }
  index.last = { q, matches: out.subarray(0, total) };
  const hits = buckets[0].concat(buckets[1], buckets[2]).slice(0, limit);
  return { hits, total };
}
