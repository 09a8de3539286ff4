import { describe, expect, it } from 'vitest';
import { headCount } from './notice-recipients';
import { splitRecipients } from './notice-split';
import type { CacheSnapshot, CMember } from './org-cache';

const member = (userid: string, depts: number[], status: CMember['status'] = 1, enable = true): CMember => ({
  userid,
  name: userid,
  alias: '',
  mobile: '',
  email: '',
  telephone: '',
  position: '',
  gender: '0',
  status,
  enable,
  mainDepartment: depts[0]!,
  departments: depts.map((d) => ({ departmentId: d, order: 0, isLeader: false })),
  directLeader: [],
});

// 1 root ─ 2 临床科室 ─ 3 骨科 ─ 4 关节组;  1 ─ 5 职能科室
const snap: CacheSnapshot = {
  departments: [
    { id: 1, name: '医院', parentid: 0, order: 0 },
    { id: 2, name: '临床科室', parentid: 1, order: 0 },
    { id: 3, name: '骨科', parentid: 2, order: 0 },
    { id: 4, name: '关节组', parentid: 3, order: 0 },
    { id: 5, name: '职能科室', parentid: 1, order: 0 },
  ],
  members: [
    member('ZhangSan', [3]),
    member('LiSi', [4, 5]),
    member('WangWu', [4], 4),
    member('ZhaoLiu', [5], 2),
    member('SunQi', [5], 1, false),
    member('ZhouBa', [2]),
  ],
  tags: [{ tagid: 7, tagname: '中层干部', userids: ['zhangsan'], departmentIds: [5] }],
};
const to = (
  over: Partial<{ all: boolean; userids: string[]; departmentIds: number[]; tagIds: number[] }>,
) => ({
  all: false,
  userids: [],
  departmentIds: [],
  tagIds: [],
  ...over,
});

describe('headCount', () => {
  it('departments include sub-departments and a member reached twice counts once', () => {
    const c = headCount(snap, to({ departmentIds: [3], userids: ['lisi'], tagIds: [7] }));
    // 骨科 → ZhangSan, LiSi, WangWu; tag 7 → ZhangSan + 职能科室 (LiSi, ZhaoLiu, SunQi)
    expect(c.total).toBe(5);
    expect(c.receiving.sort()).toEqual(['LiSi', 'ZhangSan']);
    expect(c.notJoined).toEqual(['WangWu']);
    expect(c.disabled.sort()).toEqual(['SunQi', 'ZhaoLiu']);
  });

  it('unknown ids are reported, not counted', () => {
    const c = headCount(snap, to({ userids: ['Ghost'], departmentIds: [99], tagIds: [42] }));
    expect(c).toMatchObject({
      total: 0,
      unknownUsers: ['Ghost'],
      unknownDepartments: [99],
      unknownTags: [42],
    });
  });

  it('people outside the app range are flagged; @all means the range', () => {
    const range = { userids: [], departmentIds: [3], tagIds: [] };
    const named = headCount(snap, to({ userids: ['ZhangSan', 'ZhouBa'] }), range);
    expect(named.outsideRange).toEqual(['ZhouBa']);
    expect(named.receiving).toEqual(['ZhangSan']);
    const all = headCount(snap, to({ all: true }), range);
    expect(all.total).toBe(3);
    expect(all.outsideRange).toEqual([]);
  });
});

describe('splitRecipients', () => {
  it('keeps a notice within the limits as one call, as composed', () => {
    const r = splitRecipients(to({ userids: ['A', 'a', 'B'], departmentIds: [3, 3] }), () => []);
    expect(r).toEqual([to({ userids: ['A', 'B'], departmentIds: [3] })]);
  });

  it('past a limit, resolves to people and gives each member exactly one call', () => {
    const users = Array.from({ length: 1500 }, (_, i) => `u${i}`);
    const expanded = [...users.slice(1000), 'x1', 'X1', 'x2'];
    const calls = splitRecipients(to({ userids: users.slice(0, 1200), departmentIds: [3] }), () => expanded);
    const all = calls.flatMap((c) => c.userids.map((u) => u.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(1502);
    expect(calls.map((c) => c.userids.length)).toEqual([1000, 502]);
    expect(calls.every((c) => c.departmentIds.length === 0 && c.tagIds.length === 0)).toBe(true);
    // deterministic: the same notice splits the same way
    expect(
      splitRecipients(to({ userids: users.slice(0, 1200), departmentIds: [3] }), () => expanded),
    ).toEqual(calls);
  });

  it('@all is one call', () => {
    expect(splitRecipients(to({ all: true, userids: ['x'] }), () => [])).toEqual([to({ all: true })]);
  });
});
