import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { ABSENT, captureBase, detectConflicts, entityVersion, rebase, touchedKeys } from './conflicts';
import { hospital } from './test-fixtures';
import type { AnyEntity, CacheSnapshot } from './types';
import { WorkingCopy } from './working-copy';

function lookupFrom(s: CacheSnapshot) {
  return (key: string): AnyEntity | null => {
    const [kind, k] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'department') return s.departments.find((d) => String(d.id) === k) ?? null;
    if (kind === 'member') return s.members.find((m) => m.userid.toLowerCase() === k) ?? null;
    return s.tags.find((t) => String(t.tagid) === k) ?? null;
  };
}

describe('versions and keys', () => {
  it('hashes stably, ignores status, and changes with edited fields', () => {
    const m = hospital().members[0]!;
    expect(entityVersion(m)).toBe(entityVersion({ ...m }));
    expect(entityVersion(m)).toBe(entityVersion({ ...m, status: 4 }));
    expect(entityVersion(m)).not.toBe(entityVersion({ ...m, position: '护士长' }));
    expect(entityVersion(m)).toMatch(/^[0-9a-f]{16}$/);
    const t = hospital().tags[1]!;
    expect(entityVersion(t)).toBe(entityVersion({ ...t, userids: ['SUNQI', 'wangwu'] }));
  });

  it('lists the existing entities an op touches', () => {
    expect(touchedKeys({ type: 'dept.update', id: 203, name: 'x' })).toEqual(['department:203']);
    expect(touchedKeys({ type: 'dept.update', id: -2, name: 'x' })).toEqual([]);
    expect(touchedKeys({ type: 'dept.create', id: -1, name: 'x', parentid: 20, order: 0 })).toEqual([]);
    expect(touchedKeys({ type: 'member.update', userid: 'ZhangSan', fields: {} })).toEqual([
      'member:zhangsan',
    ]);
    expect(touchedKeys({ type: 'tag.addMembers', tagid: 1, userids: ['lisi'], departmentIds: [] })).toEqual([
      'tag:1',
    ]);
  });

  it('captures base versions from the cache, not from earlier staged edits', () => {
    const base = hospital();
    const wc = WorkingCopy.build(base, [{ type: 'dept.update', id: 203, name: '骨外科' }]);
    const ops: ChangeOp[] = [{ type: 'dept.update', id: 203, parentid: 40 }];
    const fromWc = captureBase(wc, ops);
    expect(fromWc).toEqual(captureBase(base, ops));
    expect(fromWc['department:203']).toBe(entityVersion(base.departments.find((d) => d.id === 203)!));
  });
});

describe('detectConflicts', () => {
  const moveMine: ChangeOp[] = [{ type: 'dept.update', id: 203, parentid: 40 }];

  it('reports a remote rename of a department I moved, with both sides in words', () => {
    const base = hospital();
    const change = { id: 7, ops: moveMine, base: captureBase(base, moveMine) };
    const remote = hospital();
    remote.departments.find((d) => d.id === 203)!.name = '骨科（新）';
    const conflicts = detectConflicts([change], remote, lookupFrom(base));
    expect(conflicts).toEqual([
      {
        changeId: 7,
        entity: 'department',
        key: '203',
        title: '部门「骨科（新）」已在企业微信中被修改',
        base: { 名称: '骨科', 上级部门: '新区医院/临床科室', 排序: '10' },
        mine: { 名称: '骨科（新）', 上级部门: '新区医院/医技科室', 排序: '10' },
        theirs: { 名称: '骨科（新）', 上级部门: '新区医院/临床科室', 排序: '10' },
      },
    ]);
  });

  it('ignores unrelated remote changes', () => {
    const base = hospital();
    const change = { id: 1, ops: moveMine, base: captureBase(base, moveMine) };
    const remote = hospital();
    remote.departments.find((d) => d.id === 202)!.name = '呼吸与危重症医学科';
    remote.members[0]!.position = '护师';
    remote.members[1]!.status = 4;
    expect(detectConflicts([change], remote)).toEqual([]);
  });

  it('reports a remote delete with theirs = null, and base null when unknown', () => {
    const base = hospital();
    const ops: ChangeOp[] = [{ type: 'member.update', userid: 'wujiu', fields: { position: '主任' } }];
    const change = { id: 3, ops, base: captureBase(base, ops) };
    const remote = hospital();
    remote.members = remote.members.filter((m) => m.userid !== 'wujiu');
    const [c] = detectConflicts([change], remote);
    expect(c).toMatchObject({ changeId: 3, entity: 'member', key: 'wujiu', base: null, theirs: null });
    expect(c!.title).toBe('成员 wujiu 已在企业微信中被删除');
    expect(c!.mine).toEqual({ 职务: '主任' });
    // With the base known, mine is the full member after my edit.
    const [k] = detectConflicts([change], remote, lookupFrom(base));
    expect(k!.title).toBe('成员 吴九（wujiu）已在企业微信中被删除');
    expect(k!.base).toMatchObject({
      姓名: '吴九',
      职务: '医师',
      部门: '新区医院/临床科室/骨科',
      状态: '启用',
    });
    expect(k!.mine).toMatchObject({ 姓名: '吴九', 职务: '主任' });
  });

  it('catches a userid taken in WeCom while my create was staged', () => {
    const base = hospital();
    const ops: ChangeOp[] = [
      {
        type: 'member.create',
        userid: 'newbie',
        fields: {
          name: '新人',
          alias: '',
          mobile: '139',
          email: '',
          telephone: '',
          position: '',
          gender: '0',
          departments: [{ departmentId: 202, order: 0, isLeader: false }],
          mainDepartment: 202,
          directLeader: [],
          enable: true,
        },
      },
    ];
    const change = { id: 4, ops, base: captureBase(base, ops) };
    expect(change.base).toEqual({ 'member:newbie': ABSENT });
    expect(detectConflicts([change], hospital())).toEqual([]);
    const remote = hospital();
    remote.members.push({ ...remote.members[0]!, userid: 'NewBie', name: '别人' });
    const [c] = detectConflicts([change], remote);
    expect(c).toMatchObject({ title: '成员 别人（NewBie）已在企业微信中被他人新建', base: null });
    expect(c!.theirs).toMatchObject({ 姓名: '别人' });
  });

  it('rebase makes "keep mine" stop conflicting', () => {
    const base = hospital();
    const change = { id: 7, ops: moveMine, base: captureBase(base, moveMine) };
    const remote = hospital();
    remote.departments.find((d) => d.id === 203)!.order = 1;
    expect(detectConflicts([change], remote)).toHaveLength(1);
    const rebased = { ...change, base: rebase(change, remote) };
    expect(detectConflicts([rebased], remote)).toEqual([]);
  });
});
