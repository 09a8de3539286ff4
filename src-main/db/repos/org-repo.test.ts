import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../connection';
import { tempDb } from '../test/temp-db';
import type { MemberStatus } from '../../contract/org';
import { OrgRepo, type OrgSnapshot, type PulledMember } from './org-repo';

let t: Awaited<ReturnType<typeof tempDb>>;
let repo: OrgRepo;
beforeEach(async () => {
  t = await tempDb();
  await migrate(t.db);
  repo = new OrgRepo(t.db);
});
afterEach(() => t.cleanup());

const member = (userid: string, name: string, depts: number[], status: MemberStatus = 1): PulledMember => ({
  userid,
  name,
  alias: '',
  position: '医师',
  mobile: '',
  email: '',
  telephone: '',
  gender: '1',
  status,
  enable: status !== 2,
  mainDepartment: depts[0] ?? 1,
  directLeader: userid === 'U2' ? ['u1'] : [],
  pinyin: name === '曾小贤' ? 'zengxiaoxian' : 'x',
  initials: name === '曾小贤' ? 'zxx' : 'x',
  departments: depts.map((d, i) => ({
    departmentId: d,
    order: (userid === 'U2' ? 5 : 10) - i,
    isLeader: i === 0 && userid === 'u1',
  })),
});

const snapshot: OrgSnapshot = {
  departments: [
    { id: 1, name: '新区医院', nameEn: '', parentid: 0, order: 0, leaders: [] },
    { id: 2, name: '临床科室', nameEn: '', parentid: 1, order: 90, leaders: [] },
    { id: 3, name: '职能科室', nameEn: '', parentid: 1, order: 100, leaders: [] },
    { id: 4, name: '心血管内科', nameEn: '', parentid: 2, order: 5, leaders: ['u1'] },
  ],
  members: [member('u1', '曾小贤', [4, 3]), member('U2', '李乐乐', [4], 4)],
  tags: [{ tagid: 1, tagname: '中层干部', userids: ['u1'], departmentIds: [3] }],
};

describe('OrgRepo', () => {
  it('replaces the cache and reads it back as the snapshot it was given', async () => {
    await repo.replaceAll({ ...snapshot, members: [...snapshot.members, member('u9', '停用者', [3], 2)] });
    const back = await repo.loadSnapshot();
    expect(back.departments).toEqual(snapshot.departments.map(({ nameEn: _n, leaders: _l, ...d }) => d));
    const strip = ({ pinyin: _p, initials: _i, ...m }: PulledMember) => m;
    expect(back.members.find((m) => m.userid === 'u1')).toEqual(strip(snapshot.members[0]!));
    expect(back.members.find((m) => m.userid === 'U2')).toEqual(strip(snapshot.members[1]!));
    expect(back.members.find((m) => m.userid === 'u9')).toMatchObject({ status: 2, enable: false });
    expect(back.tags).toEqual(snapshot.tags);
    expect(await repo.counts()).toEqual({ departments: 4, members: 3, tags: 1, notJoined: 1 });
  });

  it('a second sync replaces rather than accumulates', async () => {
    await repo.replaceAll(snapshot);
    await repo.replaceAll({ ...snapshot, members: [member('u3', '王五', [4])] });
    expect((await repo.memberIndex()).map((r) => r.userid)).toEqual(['u3']);
  });

  it('a failing write leaves the previous cache intact', async () => {
    await repo.replaceAll(snapshot);
    const bad = { ...snapshot, members: [member('u1', 'a', [4]), member('U1', 'b', [4])] }; // userid is NOCASE unique
    await expect(repo.replaceAll(bad)).rejects.toThrow();
    expect((await repo.counts()).members).toBe(2);
  });

  it('builds the search index with pinyin and department ids', async () => {
    await repo.replaceAll(snapshot);
    const idx = await repo.memberIndex();
    expect(idx.find((r) => r.userid === 'u1')).toMatchObject({ pinyin: 'zengxiaoxian', initials: 'zxx' });
    expect(idx.find((r) => r.userid === 'u1')?.departmentIds.sort()).toEqual([3, 4]);
  });
});

describe('cache corp stamp', () => {
  it('is set with a snapshot in the same transaction, changed, and cleared with the cache', async () => {
    expect(await repo.cacheCorp()).toBeNull();
    await repo.replaceAll(snapshot, 'ww-a');
    expect(await repo.cacheCorp()).toBe('ww-a');
    // Without a corp id a snapshot leaves the stamp alone.
    await repo.replaceAll(snapshot);
    expect(await repo.cacheCorp()).toBe('ww-a');
    await repo.setCacheCorp('ww-b');
    expect(await repo.cacheCorp()).toBe('ww-b');
    const bad = { ...snapshot, members: [member('u1', 'x', [2]), member('u1', 'y', [2])] };
    await expect(repo.replaceAll(bad, 'ww-c')).rejects.toThrow();
    expect(await repo.cacheCorp()).toBe('ww-b');
    await repo.clearCache();
    expect(await repo.cacheCorp()).toBeNull();
    expect(await repo.counts()).toEqual({ departments: 0, members: 0, tags: 0, notJoined: 0 });
    await repo.replaceAll(snapshot, 'ww-a');
    await repo.setCacheCorp(null);
    expect(await repo.cacheCorp()).toBeNull();
  });
});
