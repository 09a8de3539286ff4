import { describe, expect, it } from 'vitest';
import { dept, member } from '../../test-support/org-fixtures';
import { buildDeptTree } from './dept-tree-model';
import {
  allocateNegativeId,
  canDropDepts,
  computeReorderOps,
  deptPath,
  membersMoveOps,
  moveStepOps,
  ORDER_MAX,
  ordersBetween,
} from './edit-ops';

// 演示医院 > six pinned groups + 后勤保障部; 临床科室 > 心内科, 骨科, 儿科 (display: 骨科 30, 心内科 20, 儿科 10).
const departments = [
  dept(1, '演示医院', 0),
  dept(11, '职能科室', 1, 100, 0),
  dept(12, '临床科室', 1, 800, 1),
  dept(14, '门诊科室', 1, 1, 2),
  dept(16, '医技科室', 1, 7, 3),
  dept(15, '医保农合', 1, 5, 4),
  dept(10, '实验室', 1, 900, 5),
  dept(13, '后勤保障部', 1, 50),
  dept(20, '心内科', 12, 20),
  dept(21, '骨科', 12, 30),
  dept(22, '儿科', 12, 10),
  dept(30, '心内一病区', 20, 0),
];
const tree = buildDeptTree(departments);

describe('allocateNegativeId', () => {
  it('is negative and avoids ids in use', () => {
    const a = allocateNegativeId([], 5000, () => 0);
    expect(a).toBe(-5001);
    expect(allocateNegativeId([-5001, -5002], 5000, () => 0)).toBe(-5003);
  });
});

describe('canDropDepts', () => {
  it('refuses cycles, pinned groups, the top level and inserts among the pinned', () => {
    expect(canDropDepts(tree, [20], { parentId: 30 })).toMatchObject({ ok: false });
    expect(canDropDepts(tree, [20], { parentId: 20 })).toMatchObject({ ok: false });
    const pinned = canDropDepts(tree, [12], { parentId: 13 });
    expect(pinned.ok).toBe(false);
    expect(pinned).toMatchObject({ ok: false, issue: { code: 'dept.pinned', name: '临床科室' } });
    expect(!pinned.ok && pinned.reason).toContain('固定的顶级分组');
    expect(canDropDepts(tree, [1], { parentId: 13 }).ok).toBe(false);
    expect(canDropDepts(tree, [13], { parentId: 1, index: 3 }).ok).toBe(false);
    expect(canDropDepts(tree, [13], { parentId: 1, index: 6 }).ok).toBe(true);
    expect(canDropDepts(tree, [20], { parentId: 999 }).ok).toBe(false);
  });

  it('allows moving under another department and refuses deleted targets', () => {
    expect(canDropDepts(tree, [20], { parentId: 13 })).toEqual({ ok: true });
    const withDeleted = buildDeptTree([
      ...departments.filter((d) => d.id !== 13),
      { ...dept(13, '后勤保障部', 1, 50), pending: 'deleted' },
    ]);
    expect(canDropDepts(withDeleted, [20], { parentId: 13 }).ok).toBe(false);
  });

  it('counts levels from 1 at the root, as main and WeCom do: 15 is the last level', () => {
    // 40.. under 后勤保障部 (level 2): 40 is level 3, 51 is level 14.
    const chain = Array.from({ length: 12 }, (_, i) => dept(40 + i, `层${i + 1}`, i === 0 ? 13 : 39 + i));
    const deep = buildDeptTree([...departments, ...chain]);
    expect(canDropDepts(deep, [22], { parentId: 51 })).toEqual({ ok: true });
    const tooDeep = canDropDepts(deep, [20], { parentId: 51 });
    expect(tooDeep).toMatchObject({
      ok: false,
      issue: { code: 'dept.tooDeep', name: '心内科', parentName: '层12', depth: 16, max: 15 },
    });
    expect(!tooDeep.ok && tooDeep.reason).toContain('将达到 16 级');
  });
});

describe('computeReorderOps', () => {
  it('reparent only: one op with the new parent', () => {
    expect(computeReorderOps(tree, [20], 13)).toEqual([{ type: 'dept.update', id: 20, parentid: 13 }]);
  });

  it('a reorder gives only the moved department a value between its new neighbours', () => {
    expect(tree.children.get(12)).toEqual([21, 20, 22]);
    // Move 儿科 to the top of 临床科室: above 骨科 (30), one step higher.
    expect(computeReorderOps(tree, [22], 12, 0)).toEqual([{ type: 'dept.update', id: 22, order: 130 }]);
    // Between 骨科 (30) and 心内科 (20): the middle of the gap.
    expect(computeReorderOps(tree, [22], 12, 1)).toEqual([{ type: 'dept.update', id: 22, order: 25 }]);
    // Dropped where it already is: nothing to write.
    expect(computeReorderOps(tree, [22], 12, 3)).toEqual([]);
  });

  it('moves into a new parent at a position, leaving pinned groups and siblings alone', () => {
    const ops = computeReorderOps(tree, [20], 1, 6);
    // First after the pinned groups, above 后勤保障部 (50).
    expect(ops).toEqual([{ type: 'dept.update', id: 20, parentid: 1, order: 150 }]);
  });

  it('keeps the own order when it already sorts between the new neighbours', () => {
    // 骨科 (30) under 后勤保障部's parent, below 后勤保障部 (50): 30 < 50 already fits.
    expect(computeReorderOps(tree, [21], 1, 7)).toEqual([{ type: 'dept.update', id: 21, parentid: 1 }]);
  });

  it('renumbers the siblings only when the neighbours leave no gap, the moved department first', () => {
    const tight = buildDeptTree([
      dept(1, '演示医院', 0),
      dept(40, '甲科', 1, 3),
      dept(41, '乙科', 1, 2),
      dept(42, '丙科', 1, 1),
    ]);
    // 丙科 up between 甲科 (3) and 乙科 (2): no integer between them.
    expect(moveStepOps(tight, 42, -1)).toEqual([
      { type: 'dept.update', id: 42, order: 200 },
      { type: 'dept.update', id: 40, order: 300 },
      { type: 'dept.update', id: 41, order: 100 },
    ]);
  });

  it('上移/下移 write one department, and stop at the ends', () => {
    expect(moveStepOps(tree, 20, -1)).toEqual([{ type: 'dept.update', id: 20, order: 130 }]);
    // 骨科 down one place: between 心内科 (20) and 儿科 (10).
    expect(moveStepOps(tree, 21, 1)).toEqual([{ type: 'dept.update', id: 21, order: 15 }]);
    // 心内科 down to the bottom: one step below 儿科, never below 0.
    expect(moveStepOps(tree, 20, 1)).toEqual([{ type: 'dept.update', id: 20, order: 5 }]);
    expect(moveStepOps(tree, 21, -1)).toMatchObject({ ok: false });
    expect(moveStepOps(tree, 22, 1)).toMatchObject({ ok: false });
    expect(moveStepOps(tree, 12, 1)).toMatchObject({ ok: false });
    // 后勤保障部 is first after the pinned groups: it cannot jump above them.
    expect(moveStepOps(tree, 13, -1)).toMatchObject({ ok: false });
  });
});

describe('ordersBetween', () => {
  it('spaces by ORDER_STEP at the ends and splits the gap in between', () => {
    expect(ordersBetween(undefined, 30, 2)).toEqual([230, 130]);
    expect(ordersBetween(1000, undefined, 2)).toEqual([900, 800]);
    expect(ordersBetween(undefined, undefined, 2)).toEqual([200, 100]);
    expect(ordersBetween(10, 0, 1)).toEqual([5]);
    expect(ordersBetween(10, 7, 2)).toEqual([9, 8]);
  });

  it('stays within uint32 and says when there is no room', () => {
    expect(ordersBetween(50, undefined, 1)).toEqual([25]);
    expect(ordersBetween(0, undefined, 1)).toBeNull();
    expect(ordersBetween(3, 2, 1)).toBeNull();
    expect(ordersBetween(10, 8, 2)).toBeNull();
    const top = ordersBetween(undefined, ORDER_MAX - 10, 1)!;
    expect(top[0]).toBeGreaterThan(ORDER_MAX - 10);
    expect(top[0]).toBeLessThanOrEqual(ORDER_MAX);
  });
});

describe('membersMoveOps', () => {
  const zhang = {
    ...member('zhangsan', '张三', 20),
    departments: [
      { departmentId: 20, order: 5, isLeader: true },
      { departmentId: 13, order: 1, isLeader: false },
    ],
  };
  const li = member('lisi', '李四', 20);

  it('move replaces the source department, keeps order/isLeader, main follows', () => {
    const ops = membersMoveOps([zhang, li], 20, 22, false);
    expect(ops).toEqual([
      {
        type: 'member.update',
        userid: 'zhangsan',
        fields: {
          departments: [
            { departmentId: 22, order: 5, isLeader: true },
            { departmentId: 13, order: 1, isLeader: false },
          ],
          mainDepartment: 22,
        },
      },
      {
        type: 'member.update',
        userid: 'lisi',
        fields: { departments: [{ departmentId: 22, order: 0, isLeader: false }], mainDepartment: 22 },
      },
    ]);
  });

  it('main stays when it was not the source; a member already in the target just leaves the source', () => {
    const ops = membersMoveOps([zhang], 13, 20, false);
    expect(ops).toEqual([
      {
        type: 'member.update',
        userid: 'zhangsan',
        fields: { departments: [{ departmentId: 20, order: 5, isLeader: true }] },
      },
    ]);
  });

  it('add keeps existing departments and skips members already there', () => {
    const ops = membersMoveOps([zhang, li], 20, 13, true);
    expect(ops).toEqual([
      {
        type: 'member.update',
        userid: 'lisi',
        fields: {
          departments: [
            { departmentId: 20, order: 0, isLeader: false },
            { departmentId: 13, order: 0, isLeader: false },
          ],
        },
      },
    ]);
  });

  it('no-op drops produce no ops; unknown source (search hit) moves the main department', () => {
    expect(membersMoveOps([li], 20, 20, false)).toEqual([]);
    expect(membersMoveOps([li], null, 21, false)[0]).toMatchObject({ fields: { mainDepartment: 21 } });
  });
});

describe('deptPath', () => {
  it('joins names from the top', () => {
    expect(deptPath(tree, 30)).toBe('演示医院/临床科室/心内科/心内一病区');
  });
});
