import { describe, expect, it } from 'vitest';
import type { ChangeOp, Rule } from '../../../contract/org-edit';
import { evaluateRules } from './rules';
import { bigHospital, hospital } from './test-fixtures';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

const positional: Rule = {
  id: 1,
  kind: 'positional',
  name: '正副主任',
  positions: ['主任', ' 副主任 '],
  topGroupIds: [],
  enabled: true,
};
const tagRule: Rule = {
  id: 2,
  kind: 'tag',
  name: '护士长',
  positions: ['护士长'],
  topGroupIds: [],
  enabled: true,
};

function allocator(start = -100) {
  let next = start;
  return () => next--;
}

/** Evaluates, checks the ops are valid, applies them, and checks a second evaluation emits nothing. */
function applyAndCheckIdempotent(wc: WorkingCopy, rules: Rule[], alloc = allocator()): ChangeOp[] {
  const { ops } = evaluateRules(rules, wc, alloc);
  expect(validateOps(wc, ops)).toEqual([]);
  for (const op of ops) wc.apply(op);
  expect(evaluateRules(rules, wc, alloc).ops).toEqual([]);
  return ops;
}

describe('positional rules', () => {
  it('creates the group under each top group with matches and links the members', () => {
    const wc = WorkingCopy.build(hospital());
    const { ops, previews } = evaluateRules([positional], wc, allocator());
    expect(ops).toEqual([
      { type: 'dept.create', id: -100, name: '正副主任', parentid: 10, order: 0 },
      {
        type: 'member.update',
        userid: 'sunqi',
        fields: {
          departments: [
            { departmentId: 101, order: 0, isLeader: false },
            { departmentId: -100, order: 0, isLeader: false },
          ],
        },
      },
      { type: 'dept.create', id: -101, name: '正副主任', parentid: 20, order: 0 },
      {
        type: 'member.update',
        userid: 'wangwu',
        fields: {
          departments: [
            { departmentId: 202, order: 0, isLeader: false },
            { departmentId: -101, order: 0, isLeader: false },
          ],
        },
      },
      { type: 'dept.create', id: -102, name: '正副主任', parentid: 40, order: 0 },
      {
        type: 'member.update',
        userid: 'zhaoliu',
        fields: {
          departments: [
            { departmentId: 401, order: 0, isLeader: false },
            { departmentId: -102, order: 0, isLeader: false },
          ],
        },
      },
    ]);
    expect(previews).toHaveLength(1);
    expect(previews[0]!.ops).toBe(6);
    expect(previews[0]!.groups.map((g) => [g.parentName, g.exists, g.adds, g.removes])).toEqual([
      ['职能科室', false, ['sunqi'], []],
      ['临床科室', false, ['wangwu'], []],
      ['医技科室', false, ['zhaoliu'], []],
    ]);
    // The working copy itself is untouched.
    expect(wc.children(10).map((d) => d.name)).toEqual(['院办', '医务科']);
  });

  it('is idempotent, follows position changes, and never removes a last department', () => {
    const wc = WorkingCopy.build(hospital());
    applyAndCheckIdempotent(wc, [positional]);
    expect(wc.member('wangwu')!.mainDepartment).toBe(202);
    wc.apply({ type: 'member.update', userid: 'wangwu', fields: { position: '医师' } });
    wc.apply({ type: 'member.update', userid: 'zhouba', fields: { position: '副主任' } });
    const group = wc.children(20).find((d) => d.name === '正副主任')!;
    const ops = applyAndCheckIdempotent(wc, [positional]);
    expect(ops).toEqual([
      {
        type: 'member.update',
        userid: 'zhouba',
        fields: {
          departments: [
            { departmentId: 203, order: 0, isLeader: false },
            { departmentId: group.id, order: 0, isLeader: false },
          ],
        },
      },
      {
        type: 'member.update',
        userid: 'wangwu',
        fields: { departments: [{ departmentId: 202, order: 0, isLeader: false }] },
      },
    ]);
    // Someone whose only department is the group stays there (WeCom needs at least one department).
    wc.apply({
      type: 'member.update',
      userid: 'zhouba',
      fields: {
        departments: [{ departmentId: group.id, order: 0, isLeader: false }],
        mainDepartment: group.id,
        position: '医师',
      },
    });
    expect(evaluateRules([positional], wc, allocator()).ops).toEqual([]);
  });

  it('keeps to the listed top groups and reuses an existing group department', () => {
    const s = hospital();
    s.departments.push({ id: 299, name: '正副主任', parentid: 20, order: 0 });
    const wc = WorkingCopy.build(s);
    const ops = applyAndCheckIdempotent(wc, [{ ...positional, topGroupIds: [20] }]);
    expect(ops).toEqual([
      {
        type: 'member.update',
        userid: 'wangwu',
        fields: {
          departments: [
            { departmentId: 202, order: 0, isLeader: false },
            { departmentId: 299, order: 0, isLeader: false },
          ],
        },
      },
    ]);
  });

  it('is idempotent on a 3,000/50,000 org', () => {
    const wc = WorkingCopy.build(bigHospital());
    const ops = applyAndCheckIdempotent(wc, [
      { ...positional, name: '护士长组', positions: ['护士长'] },
      tagRule,
    ]);
    expect(ops.length).toBeGreaterThan(1000);
  });
});

describe('tag rules', () => {
  it('creates the tag with the matching members, then follows changes', () => {
    const wc = WorkingCopy.build(hospital());
    const first = applyAndCheckIdempotent(wc, [tagRule]);
    expect(first).toEqual([
      { type: 'tag.create', tagid: -100, tagname: '护士长' },
      { type: 'tag.addMembers', tagid: -100, userids: ['lisi'], departmentIds: [] },
    ]);
    wc.apply({ type: 'member.update', userid: 'lisi', fields: { position: '护士' } });
    wc.apply({ type: 'member.update', userid: 'zhangsan', fields: { position: '护士长' } });
    expect(applyAndCheckIdempotent(wc, [tagRule])).toEqual([
      { type: 'tag.addMembers', tagid: -100, userids: ['zhangsan'], departmentIds: [] },
      { type: 'tag.removeMembers', tagid: -100, userids: ['lisi'], departmentIds: [] },
    ]);
  });

  it('emits nothing when no one matches and the tag does not exist', () => {
    const wc = WorkingCopy.build(hospital());
    expect(evaluateRules([{ ...tagRule, positions: ['院长'] }], wc, allocator())).toEqual({
      previews: [{ groups: [], ops: 0 }],
      ops: [],
    });
  });
});
