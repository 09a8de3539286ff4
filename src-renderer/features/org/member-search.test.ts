import { describe, expect, it } from 'vitest';
import type { MemberIndexRow } from '../../../src-main/contract';
import { row, sampleRows } from '../../test-support/org-fixtures';
import { buildSearchIndex, normalizeQuery, searchMembers } from './member-search';
import { withSurnameReadings } from './surname-readings';

const index = buildSearchIndex(sampleRows);

/** The ranking spelled out over every row's words, for comparing with the indexed search. */
function bruteForce(rows: readonly MemberIndexRow[], query: string, limit = 200) {
  const q = normalizeQuery(query);
  const buckets: MemberIndexRow[][] = [[], [], []];
  let total = 0;
  for (const r of rows) {
    // Mobile and e-mail are searched by queries with a digit or @ . _ - + only.
    const contacts = /[0-9@._+-]/.test(q) ? [r.mobile ?? '', r.email ?? ''] : [];
    const words = [r.name, ...r.pinyin.split('|'), ...r.initials.split('|'), r.userid, ...contacts].map((w) =>
      w.toLowerCase(),
    );
    if (!words.some((w) => w.includes(q))) continue;
    total++;
    buckets[words.includes(q) ? 0 : words.some((w) => w.startsWith(q)) ? 1 : 2]!.push(r);
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

  it('finds a polyphonic surname by both readings (曾 = zeng or ceng)', () => {
    expect(ids('zeng')).toEqual(['zengxx']);
    expect(ids('zxx')).toEqual(['zengxx']);
    expect(ids('ceng')).toEqual(['zengxx']);
    expect(ids('cxx')).toEqual(['zengxx']);
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
    for (const q of [...queries, 'user1', '1']) {
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

describe('ranking', () => {
  const seedLike = [
    // The demo hospital's names (src-main/sandbox/seed): 曹博磊 sorts before 崔博 by pinyin.
    row('CaoBoLei', '曹博磊', 'caobolei', 'cbl'),
    row('CaiBin', '蔡斌', 'caibin', 'cb'),
    row('CuiBo', '崔博', 'cuibo', 'cb'),
    row('ChenBoYang', '陈博阳', 'chenboyang', 'cby'),
  ];
  const idx = () => buildSearchIndex(seedLike);

  it('puts exact initials before names that only start with them (cb: 崔博 before 曹博磊)', () => {
    const hits = searchMembers(idx(), 'cb').hits.map((h) => h.name);
    expect(hits.slice(0, 2).sort()).toEqual(['崔博', '蔡斌'].sort());
    expect(hits.indexOf('崔博')).toBeLessThan(hits.indexOf('曹博磊'));
    expect(hits).toHaveLength(4);
  });

  it('puts the exact full pinyin and the exact name first', () => {
    expect(searchMembers(idx(), 'cuibo').hits.map((h) => h.name)).toEqual(['崔博']);
    const rows = [row('x', '崔博文', 'cuibowen', 'cbw'), row('y', '崔博', 'cuibo', 'cb')];
    expect(searchMembers(buildSearchIndex(rows), 'cuibo').hits.map((h) => h.userid)).toEqual(['y', 'x']);
    expect(searchMembers(buildSearchIndex(rows), '崔博').hits.map((h) => h.userid)).toEqual(['y', 'x']);
  });

  it('finds members by 账号, mobile and e-mail, exact ones first', () => {
    const rows = [
      { ...row('CuiBo', '崔博', 'cuibo', 'cb'), mobile: '18662350796', email: 'cuibo@xqyy.example.cn' },
      {
        ...row('CuiBoWen', '崔博文', 'cuibowen', 'cbw'),
        mobile: '18662350797',
        email: 'cbw@xqyy.example.cn',
      },
    ];
    const find = (q: string) => searchMembers(buildSearchIndex(rows), q).hits.map((h) => h.userid);
    expect(find('18662350797')).toEqual(['CuiBoWen']);
    expect(find('1866235079')).toEqual(['CuiBo', 'CuiBoWen']);
    expect(find('0796')).toEqual(['CuiBo']);
    expect(find('cbw@xqyy')).toEqual(['CuiBoWen']);
    expect(find('CUIBOWEN')).toEqual(['CuiBoWen']);
    // 账号 exact (CuiBo) before a 账号 that only starts with it.
    expect(find('cuibo')).toEqual(['CuiBo', 'CuiBoWen']);
  });

  it('ranks a word the query only sits inside last', () => {
    const rows = [row('a', '王博', 'wangbo', 'wb'), row('b', '博文', 'bowen', 'bw')];
    expect(searchMembers(buildSearchIndex(rows), 'bo').hits.map((h) => h.userid)).toEqual(['b', 'a']);
  });

  it('never matches across two words of a row', () => {
    // "cb" + "cu" joined would hold "bcu"; words are kept apart.
    expect(searchMembers(idx(), 'bcu').total).toBe(0);
  });
});

describe('both readings of polyphonic surnames', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['召悦', 'shaoyue', 'sy', ['zhaoyue', 'zy', 'shaoyue', 'sy']],
    ['单娟', 'shanjuan', 'sj', ['danjuan', 'dj']],
    ['曾平', 'zengping', 'zp', ['cengping', 'cp']],
    ['区晶琪', 'oujingqi', 'ojq', ['qujingqi', 'qjq']],
    ['仇伟', 'qiuwei', 'qw', ['chouwei', 'cw']],
    ['解越', 'xieyue', 'xy', ['jieyue', 'jy']],
    ['朴兰安', 'piaolanan', 'pla', ['pulanan', 'pla']],
    ['查秀兰', 'zhaxiulan', 'zxl', ['chaxiulan', 'cxl']],
    ['尉宇斌', 'weiyubin', 'wyb', ['yuyubin', 'yyb']],
  ];
  it.each(cases)('%s is found by either reading', (name, py, ini, queries) => {
    const index = buildSearchIndex([row('u', name, py, ini), row('other', '王芳', 'wangfang', 'wf')]);
    for (const q of queries) expect(searchMembers(index, q).hits.map((h) => h.userid)).toEqual(['u']);
  });

  it('leaves compound surnames alone (尉迟 is yuchi only)', () => {
    const index = buildSearchIndex([row('u', '尉迟慧', 'yuchihui', 'ych')]);
    expect(searchMembers(index, 'yuchi').total).toBe(1);
    expect(searchMembers(index, 'weichi').total).toBe(0);
  });

  it('does not add readings to a surname that is not polyphonic', () => {
    const index = buildSearchIndex([row('u', '张三', 'zhangsan', 'zs')]);
    expect(searchMembers(index, 'changsan').total).toBe(0);
  });
});

describe('agrees with a full scan on every kind of query', () => {
  it('letters, one letter, 汉字, digits and e-mail parts, fresh and while typing', () => {
    const given = ['', '伟', '芳', '博']; // '' makes one-character names: initials of 王 are "w"
    const givenPy = ['', 'wei', 'fang', 'bo'];
    const rows: MemberIndexRow[] = Array.from({ length: 4000 }, (_, i) => {
      const g = i % 4;
      const py = ['wang', 'cui', 'zeng', 'bo'][(i >> 2) % 4]!;
      const hz = ['王', '崔', '曾', '薄'][(i >> 2) % 4]!;
      return {
        ...row(`u${i}`, hz + given[g]!, py + givenPy[g]!, py[0]! + (givenPy[g]![0] ?? '')),
        mobile: `138${String(i * 7919).padStart(8, '0')}`,
        email: `${py}${i}@xqyy.example.cn`,
      };
    });
    const index = buildSearchIndex(rows);
    const queries = [
      'w',
      'wa',
      'wang',
      'b',
      'bo',
      'bao',
      'c',
      'cb',
      'ceng',
      '王',
      '曾伟',
      '13',
      '1380',
      'u1',
      'wang1@',
      '@xqyy',
      'z',
    ];
    const same = (got: ReturnType<typeof searchMembers>, want: ReturnType<typeof bruteForce>) => {
      expect(got.total).toBe(want.total);
      expect(got.hits.map((h) => h.userid)).toEqual(want.hits.map((h) => h.userid));
    };
    for (const q of queries) same(searchMembers(index, q, 50), bruteForce(withReadings(rows), q, 50));
    // The same again typed key by key (narrowing from the previous query).
    const typed = buildSearchIndex(rows);
    for (const word of ['wang1@x', 'cb', '13800']) {
      for (let k = 1; k <= word.length; k++) {
        const q = word.slice(0, k);
        same(searchMembers(typed, q, 50), bruteForce(withReadings(rows), q, 50));
      }
    }
  });
});

/** The rows as the index reads them: polyphonic surnames with both readings. */
function withReadings(rows: MemberIndexRow[]): MemberIndexRow[] {
  return rows.map((r) => {
    const both = withSurnameReadings(r.name, r.pinyin.split('|'), r.initials.split('|'));
    return { ...r, pinyin: both.pinyin.join('|'), initials: both.initials.join('|') };
  });
}
