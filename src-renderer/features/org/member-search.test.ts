import { describe, expect, it } from 'vitest';
import type { MemberIndexRow } from '../../../src-main/contract';
import { row, sampleRows } from '../../test-support/org-fixtures';
import { buildSearchIndex, normalizeQuery, searchMembers } from './member-search';

const index = buildSearchIndex(sampleRows);

/** The ranking spelled out over every row, for comparing with the indexed search. */
function bruteForce(rows: readonly MemberIndexRow[], query: string, limit = 200) {
  const q = normalizeQuery(query);
  const buckets: MemberIndexRow[][] = [[], [], []];
  let total = 0;
  for (const r of rows) {
    const name = r.name.toLowerCase();
    const py = r.pinyin.toLowerCase().replace(/\s+/g, '');
    const ini = r.initials.toLowerCase().replace(/\s+/g, '');
    if (![name, py, ini].some((s) => s.includes(q))) continue;
    total++;
    const prefix =
      name.startsWith(q) ||
      py.startsWith(q) ||
      ini.startsWith(q) ||
      py.includes(`|${q}`) ||
      ini.includes(`|${q}`);
    buckets[name === q ? 0 : prefix ? 1 : 2]!.push(r);
  }
  return { hits: buckets.flat().slice(0, limit), total };
}
const ids = (q: string, limit?: number) => searchMembers(index, q, limit).hits.map((h) => h.userid);

describe('searchMembers', () => {
  it('matches a substring of the name', () => {
    expect(ids('三')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(ids('小贤')).toEqual(['zengxx']);
  });

  it('matches full pinyin by prefix and substring, case-insensitively and ignoring spaces', () => {
    expect(ids('zhangsan')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(ids('ZHANG San')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(ids('sanfeng')).toEqual(['zhangsanfeng']);
  });

  it('matches initials by prefix and substring', () => {
    expect(ids('zs')).toEqual(['zhangsan', 'zhangsanfeng']);
    expect(ids('sf')).toEqual(['zhangsanfeng']);
    expect(ids('LS')).toEqual(['lisi']);
  });

  it('follows the reading the index row gives for a polyphonic surname (曾 = zeng)', () => {
    expect(ids('zeng')).toEqual(['zengxx']);
    expect(ids('zxx')).toEqual(['zengxx']);
    expect(ids('ceng')).toEqual([]);
  });

  it('puts an exact name match first, then prefixes, then other substrings', () => {
    const rows = [
      row('a', '王张三', 'wangzhangsan', 'wzs'),
      row('b', '张三丰', 'zhangsanfeng', 'zsf'),
      row('c', '张三', 'zhangsan', 'zs'),
    ];
    const idx = buildSearchIndex(rows);
    expect(searchMembers(idx, '张三').hits.map((h) => h.userid)).toEqual(['c', 'b', 'a']);
  });

  it('returns nothing for an empty query and reports the full total when limited', () => {
    expect(searchMembers(index, '   ')).toEqual({ hits: [], total: 0 });
    const many: MemberIndexRow[] = Array.from({ length: 500 }, (_, i) =>
      row(`u${i}`, `张${i}`, `zhang${i}`, `z${i}`),
    );
    const res = searchMembers(buildSearchIndex(many), 'zhang', 200);
    expect(res.hits).toHaveLength(200);
    expect(res.total).toBe(500);
    expect(res.hits[0]!.userid).toBe('u0');
  });

  it('normalizes queries', () => {
    expect(normalizeQuery('  Zhang  San ')).toBe('zhangsan');
  });

  it('searches 50,000 rows through its character index exactly like a full scan', () => {
    const surnames = ['zhang', 'wang', 'li', 'zhao', 'liu', 'chen', 'yang', 'huang', 'zhou', 'wu'];
    const hanzi = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
    const given = ['wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan'];
    const givenHz = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳'];
    const rows: MemberIndexRow[] = [];
    for (let i = 0; i < 50_000; i++) {
      const s = i % 10;
      const g1 = (i >> 3) % 12;
      const g2 = (i >> 5) % 12;
      rows.push(
        row(
          `user${i}`,
          hanzi[s]! + givenHz[g1]! + givenHz[g2]!,
          surnames[s]! + given[g1]! + given[g2]!,
          surnames[s]![0]! + given[g1]![0]! + given[g2]![0]!,
          [i % 3000],
        ),
      );
    }
    const t0 = performance.now();
    const big = buildSearchIndex(rows);
    const buildMs = performance.now() - t0;

    const queries = [
      'z',
      'zh',
      'zha',
      'zhang',
      'zhangw',
      'zhangwei',
      '张',
      '张伟',
      'zw',
      'zwf',
      'wei',
      'xyz',
      '芳',
    ];
    searchMembers(big, 'warm-up');
    const times: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      const res = searchMembers(big, q);
      times.push(performance.now() - start);
      expect(res.hits.length).toBeLessThanOrEqual(200);
    }
    const worst = Math.max(...times);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.info(
      `search 50k: build ${buildMs.toFixed(1)} ms, per query mean ${mean.toFixed(2)} ms, worst ${worst.toFixed(2)} ms`,
    );
    // The ≤ 10 ms budget is measured in Chromium by `npm run bench` (at 1× and 4×), not here: wall
    // time on a shared test box says little. Here: the fresh-query path agrees with a full scan.
    void worst;
    for (const q of queries) {
      big.last = null;
      expect(searchMembers(big, q)).toEqual(bruteForce(rows, q));
    }
    expect(searchMembers(big, 'zhangwei').total).toBeGreaterThan(0);
  });
});

describe('incremental narrowing', () => {
  it('gives exactly the same results as a fresh scan while typing and deleting', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      userid: `u${i}`,
      name: `名${i % 97}`,
      pinyin: ['zhang', 'zhao', 'li', 'wang'][i % 4]! + (i % 13),
      initials: ['z', 'z', 'l', 'w'][i % 4]! + String.fromCharCode(97 + (i % 26)),
      position: '',
      status: 1 as const,
      departmentIds: [1],
    }));
    const live = buildSearchIndex(rows);
    for (const q of ['z', 'zh', 'zha', 'zhan', 'zha', 'zh', 'l', 'li1', 'w', 'wa', 'wb']) {
      const fresh = searchMembers(buildSearchIndex(rows), q);
      const inc = searchMembers(live, q);
      expect(inc.total).toBe(fresh.total);
      expect(inc.hits.map((h) => h.userid)).toEqual(fresh.hits.map((h) => h.userid));
    }
  });
});

describe('polyphonic given names', () => {
  it('ranks a match on any reading as a prefix match', () => {
    const rows = [
      {
        userid: 'c',
        name: '徐知忠',
        pinyin: 'xuzhizhong',
        initials: 'xzz',
        position: '',
        status: 1 as const,
        departmentIds: [1],
      },
      {
        userid: 'a',
        name: '张朝阳',
        pinyin: 'zhangchaoyang|zhangzhaoyang',
        initials: 'zcy|zzy',
        position: '',
        status: 1 as const,
        departmentIds: [1],
      },
    ];
    // 'zz' is a prefix of a's second reading but only inside c's initials: a ranks first.
    expect(searchMembers(buildSearchIndex(rows), 'zz').hits.map((h) => h.userid)).toEqual(['a', 'c']);
    expect(searchMembers(buildSearchIndex(rows), 'zhangzhao').hits.map((h) => h.userid)).toEqual(['a']);
  });
});
