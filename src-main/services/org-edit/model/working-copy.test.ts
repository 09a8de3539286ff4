import { describe, expect, it } from 'vitest';
import { hospital } from './test-fixtures';
import { WorkingCopy } from './working-copy';

describe('WorkingCopy', () => {
  it('indexes the tree: children sorted by order desc then id, depth, path, ancestors', () => {
    const wc = WorkingCopy.build(hospital());
    expect(wc.children(1).map((d) => d.name)).toEqual([
      '职能科室',
      '临床科室',
      '门诊科室',
      '医技科室',
      '医保农合',
      '实验室',
    ]);
    expect(wc.depth(1)).toBe(1);
    expect(wc.depth(2011)).toBe(4);
    expect(wc.path(2011)).toBe('新区医院/临床科室/心血管内科/心内一病区');
    expect(wc.isAncestor(20, 2011)).toBe(true);
    expect(wc.isAncestor(2011, 20)).toBe(false);
    expect(wc.isAncestor(20, 20)).toBe(false);
    expect(wc.pinnedRank(20)).toBe(1);
    expect(wc.pinnedRank(201)).toBeNull();
    expect(wc.subtreeHeight(20)).toBe(3);
  });

  it('looks members up case-insensitively, by mobile, by name and by department', () => {
    const wc = WorkingCopy.build(hospital());
    expect(wc.member('ZhangSan')?.name).toBe('张三');
    expect(wc.membersByMobile('138-0000-0002').map((m) => m.userid)).toEqual(['lisi']);
    expect(wc.membersByName('王五').map((m) => m.userid)).toEqual(['wangwu']);
    expect(wc.membersOf(201).map((m) => m.userid)).toEqual(['lisi', 'zhangsan']);
  });

  it('applies ops, marks pending state and keeps deleted entities visible on request', () => {
    const base = hospital();
    const wc = WorkingCopy.build(base, [
      { type: 'dept.create', id: -1, name: '康复二科', parentid: 20, order: 5 },
      { type: 'dept.update', id: 203, name: '骨科一病区' },
      { type: 'dept.delete', id: 2011 },
      {
        type: 'member.update',
        userid: 'ZHANGSAN',
        fields: { departments: [{ departmentId: -1, order: 0, isLeader: false }], mainDepartment: -1 },
      },
      { type: 'member.delete', userid: 'wujiu' },
      { type: 'tag.addMembers', tagid: 1, userids: ['lisi'], departmentIds: [] },
    ]);
    expect(wc.pendingOf('department', -1)).toBe('created');
    expect(wc.pendingOf('department', 203)).toBe('updated');
    expect(wc.pendingOf('department', 2011)).toBe('deleted');
    expect(wc.pendingOf('department', 202)).toBeNull();
    expect(wc.pendingOf('member', 'zhangsan')).toBe('updated');
    expect(wc.pendingOf('member', 'wujiu')).toBe('deleted');
    expect(wc.pendingOf('tag', 1)).toBe('updated');
    expect(wc.dept(2011)).toBeUndefined();
    expect(wc.dept(2011, { includeDeleted: true })?.name).toBe('心内一病区');
    expect(wc.children(201)).toEqual([]);
    expect(wc.children(201, { includeDeleted: true })).toHaveLength(1);
    expect(wc.departments().some((d) => d.id === 2011)).toBe(false);
    expect(wc.departments({ includeDeleted: true }).some((d) => d.id === 2011)).toBe(true);
    expect(wc.members().some((m) => m.userid === 'wujiu')).toBe(false);
    expect(wc.members({ includeDeleted: true }).some((m) => m.userid === 'wujiu')).toBe(true);
    expect(wc.membersOf(-1).map((m) => m.userid)).toEqual(['zhangsan']);
    expect(wc.membersOf(201).map((m) => m.userid)).toEqual(['lisi']);
    expect(wc.path(-1)).toBe('新区医院/临床科室/康复二科');
    // The snapshot is never mutated.
    expect(base.members[0]!.departments[0]!.departmentId).toBe(201);
    expect(base.departments.find((d) => d.id === 203)!.name).toBe('骨科');
  });

  it('a change undone by a later op is not pending; create-then-delete vanishes', () => {
    const wc = WorkingCopy.build(hospital(), [
      { type: 'dept.update', id: 203, parentid: 40 },
      { type: 'dept.update', id: 203, parentid: 20 },
      { type: 'dept.create', id: -1, name: 'X', parentid: 20, order: 0 },
      { type: 'tag.addMembers', tagid: 1, userids: [], departmentIds: [-1] },
      { type: 'dept.delete', id: -1 },
    ]);
    expect(wc.pendingOf('department', 203)).toBeNull();
    expect(wc.dept(-1, { includeDeleted: true })).toBeUndefined();
    expect(wc.pendingOf('department', -1)).toBeNull();
    expect(wc.tag(1)!.departmentIds).toEqual([]);
  });

  it('disabling sets status 2 and re-enabling restores it', () => {
    const wc = WorkingCopy.build(hospital(), [
      { type: 'member.update', userid: 'lisi', fields: { enable: false } },
    ]);
    expect(wc.member('lisi')).toMatchObject({ enable: false, status: 2 });
    wc.apply({ type: 'member.update', userid: 'lisi', fields: { enable: true } });
    expect(wc.member('lisi')).toMatchObject({ enable: true, status: 1 });
    expect(wc.pendingOf('member', 'lisi')).toBeNull();
  });

  it('withScratch rolls every change and index back', () => {
    const wc = WorkingCopy.build(hospital());
    const inside = wc.withScratch((s) => {
      s.apply({ type: 'dept.update', id: 203, parentid: 40, name: '骨外科' });
      s.apply({ type: 'member.update', userid: 'zhouba', fields: { mobile: '13900000000', name: '周捌' } });
      s.apply({ type: 'member.delete', userid: 'wujiu' });
      return [s.children(40).map((d) => d.id), s.membersByMobile('13900000000').length];
    });
    expect(inside).toEqual([[203, 401], 1]); // order 10 sorts before order 0
    expect(wc.children(40).map((d) => d.id)).toEqual([401]);
    expect(wc.dept(203)).toMatchObject({ parentid: 20, name: '骨科' });
    expect(wc.membersByMobile('13900000000')).toEqual([]);
    expect(wc.membersByMobile('13800000006').map((m) => m.userid)).toEqual(['zhouba']);
    expect(wc.membersByName('周八')).toHaveLength(1);
    expect(wc.member('wujiu')).toBeDefined();
    expect(wc.pendingOf('department', 203)).toBeNull();
    expect(wc.touchedKeys('member')).toEqual([]);
  });

  it('skips ops that no longer apply instead of throwing', () => {
    const wc = WorkingCopy.build(hospital(), [
      { type: 'dept.update', id: 999, name: 'gone' },
      { type: 'member.update', userid: 'nobody', fields: { name: 'x' } },
    ]);
    expect(wc.skipped).toEqual([0, 1]);
  });
});
