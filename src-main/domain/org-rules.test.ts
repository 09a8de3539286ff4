import { describe, expect, it } from 'vitest';
import {
  checkDeptCreateDepth,
  checkDeptDelete,
  checkDeptEditable,
  checkDeptMove,
  checkDropIndex,
  checkSiblingName,
  deptDepth,
  isSelfOrDescendant,
  subtreeHeight,
  type DeptTreeView,
} from './org-rules';

type Node = { id: number; name: string; parent: number | null; pinned?: boolean };

/** A plain-map tree view: root 1 > 医院的固定分组 10 (pinned) and 后勤 20 > chain below 20. */
function viewOf(nodes: Node[]): DeptTreeView {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return {
    has: (id) => byId.has(id),
    parentOf: (id) => byId.get(id)?.parent ?? null,
    childrenOf: (id) => nodes.filter((n) => n.parent === id).map((n) => n.id),
    nameOf: (id) => byId.get(id)?.name,
    isPinned: (id) => byId.get(id)?.pinned === true,
  };
}

/** A chain of `levels` departments under `from`, ids start.. start+levels-1. */
function chain(from: number, start: number, levels: number): Node[] {
  return Array.from({ length: levels }, (_, i) => ({
    id: start + i,
    name: `层${i + 1}`,
    parent: i === 0 ? from : start + i - 1,
  }));
}

const base: Node[] = [
  { id: 1, name: '演示医院', parent: null },
  { id: 10, name: '临床科室', parent: 1, pinned: true },
  { id: 11, name: '职能科室', parent: 1, pinned: true },
  { id: 20, name: '后勤', parent: 1 },
  { id: 21, name: '保卫科', parent: 20 },
  { id: 22, name: '保卫一组', parent: 21 },
];

describe('depth and height', () => {
  it('counts levels 1-based from the root, as WeCom does', () => {
    const t = viewOf(base);
    expect(deptDepth(t, 1)).toBe(1);
    expect(deptDepth(t, 20)).toBe(2);
    expect(deptDepth(t, 22)).toBe(4);
    expect(subtreeHeight(t, 20)).toBe(3);
    expect(subtreeHeight(t, 22)).toBe(1);
    expect(isSelfOrDescendant(t, 20, 22)).toBe(true);
    expect(isSelfOrDescendant(t, 20, 20)).toBe(true);
    expect(isSelfOrDescendant(t, 21, 20)).toBe(false);
  });

  it('stops on a parent cycle in bad data', () => {
    const t = viewOf([
      { id: 5, name: 'a', parent: 6 },
      { id: 6, name: 'b', parent: 5 },
    ]);
    expect(deptDepth(t, 5)).toBeGreaterThan(0);
    expect(isSelfOrDescendant(t, 1, 5)).toBe(false);
  });
});

describe('checkDeptMove', () => {
  const t = viewOf(base);
  it('accepts an ordinary move', () => {
    expect(checkDeptMove(t, 21, 10)).toEqual([]);
  });
  it('dept.pinned: a fixed top group stays put', () => {
    expect(checkDeptMove(t, 10, 20)).toEqual([{ code: 'dept.pinned', name: '临床科室' }]);
  });
  it('dept.rootMove: a top-level department stays put', () => {
    expect(checkDeptMove(t, 1, 20)).toEqual([{ code: 'dept.rootMove', name: '演示医院' }]);
  });
  it('dept.cycle: not under itself nor below itself', () => {
    expect(checkDeptMove(t, 20, 20)).toEqual([{ code: 'dept.cycle', name: '后勤', targetName: '后勤' }]);
    expect(checkDeptMove(t, 20, 22)).toEqual([{ code: 'dept.cycle', name: '后勤', targetName: '保卫一组' }]);
  });
  it('dept.tooDeep: the moved subtree must fit in 15 levels', () => {
    // 30..42 under 1 puts 42 at level 14; 21 brings itself and 22: 14 + 2 = 16.
    const deep = viewOf([...base, ...chain(1, 30, 13)]);
    expect(deptDepth(deep, 42)).toBe(14);
    expect(checkDeptMove(deep, 22, 42)).toEqual([]);
    expect(checkDeptMove(deep, 21, 42)).toEqual([
      { code: 'dept.tooDeep', name: '保卫科', parentName: '层13', depth: 16, max: 15 },
    ]);
  });
});

describe('create, edit, delete, drop index, sibling names', () => {
  it('dept.tooDeep on create: level 15 is the last', () => {
    const t = viewOf([...base, ...chain(1, 30, 14)]); // 43 is at level 15
    expect(checkDeptCreateDepth(t, 42, '新科')).toEqual([]);
    expect(checkDeptCreateDepth(t, 43, '新科')).toEqual([
      { code: 'dept.tooDeep', name: '新科', parentName: '层14', depth: 16, max: 15 },
    ]);
  });

  it('dept.pinned refuses renaming or reordering a fixed group only', () => {
    const t = viewOf(base);
    expect(checkDeptEditable(t, 11)).toEqual([{ code: 'dept.pinned', name: '职能科室' }]);
    expect(checkDeptEditable(t, 20)).toEqual([]);
  });

  it('dept.rootDelete, dept.pinned, dept.hasChildren and dept.hasMembers on delete', () => {
    const t = viewOf(base);
    const none = { children: 0, members: 0 };
    expect(checkDeptDelete(t, 1, none)).toEqual([{ code: 'dept.rootDelete', name: '演示医院' }]);
    expect(checkDeptDelete(t, 10, none)).toEqual([{ code: 'dept.pinned', name: '临床科室' }]);
    expect(checkDeptDelete(t, 21, { children: 1, members: 3 })).toEqual([
      { code: 'dept.hasChildren', count: 1 },
      { code: 'dept.hasMembers', count: 3 },
    ]);
    expect(checkDeptDelete(t, 22, none)).toEqual([]);
  });

  it('dept.pinnedFirst: nothing lands among the fixed groups', () => {
    const t = viewOf(base);
    expect(checkDropIndex(t, 1, 1)).toEqual([{ code: 'dept.pinnedFirst' }]);
    expect(checkDropIndex(t, 1, 2)).toEqual([]);
    expect(checkDropIndex(t, 20, 0)).toEqual([]);
  });

  it('dept.nameTaken and dept.nameHeldByDeleted, case-sensitively, ignoring itself', () => {
    const siblings = [
      { id: 21, name: '保卫科' },
      { id: 23, name: '旧科', deleted: true },
      { id: 24, name: 'ICU' },
    ];
    const parent = { id: 20, name: '后勤' };
    expect(checkSiblingName(siblings, '保卫科', -1, parent)).toEqual([
      { code: 'dept.nameTaken', name: '保卫科', parentId: 20, parentName: '后勤' },
    ]);
    expect(checkSiblingName(siblings, '旧科', -1, parent)).toEqual([
      { code: 'dept.nameHeldByDeleted', name: '旧科', parentId: 20, parentName: '后勤' },
    ]);
    expect(checkSiblingName(siblings, 'icu', -1, parent)).toEqual([]);
    expect(checkSiblingName(siblings, '保卫科', 21, parent)).toEqual([]);
  });
});
