import { describe, expect, it } from 'vitest';
import { dept, sampleDepartments } from '../../test-support/org-fixtures';
import { buildDeptTree, initialExpanded } from './dept-tree-model';

const names = (tree: ReturnType<typeof buildDeptTree>, ids: readonly number[]) =>
  ids.map((id) => tree.byId.get(id)!.name);

describe('buildDeptTree', () => {
  it('pins the six top groups first in fixed order, then larger order first', () => {
    const tree = buildDeptTree(sampleDepartments);
    expect(tree.roots).toEqual([1]);
    expect(names(tree, tree.children.get(1)!)).toEqual([
      '职能科室',
      '临床科室',
      '门诊科室',
      '医技科室',
      '医保农合',
      '实验室',
      '后勤保障部',
    ]);
    // Larger WeCom order first among ordinary siblings.
    expect(names(tree, tree.children.get(12)!)).toEqual(['骨科', '心内科']);
  });

  it('breaks order ties by id so results are stable', () => {
    const tree = buildDeptTree([dept(1, 'root', 0), dept(5, 'b', 1, 3), dept(4, 'a', 1, 3)]);
    expect(tree.children.get(1)).toEqual([4, 5]);
  });

  it('turns orphans into top-level entries', () => {
    const tree = buildDeptTree([dept(1, 'root', 0), dept(2, 'orphan', 99, 5), dept(3, 'child', 1)]);
    expect(new Set(tree.roots)).toEqual(new Set([1, 2]));
    expect(tree.children.get(1)).toEqual([3]);
  });

  it('survives parent cycles and self-parents, showing every department once', () => {
    const departments = [
      dept(1, 'root', 0),
      dept(2, 'a', 3),
      dept(3, 'b', 2),
      dept(4, 'under-cycle', 3),
      dept(5, 'self', 5),
    ];
    const tree = buildDeptTree(departments);
    const seen: number[] = [];
    const walk = (id: number, guard: number) => {
      expect(guard).toBeLessThan(10);
      seen.push(id);
      for (const c of tree.children.get(id) ?? []) walk(c, guard + 1);
    };
    for (const r of tree.roots) walk(r, 0);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(tree.depth.size).toBe(5);
  });

  it('ignores duplicate ids', () => {
    const tree = buildDeptTree([dept(1, 'root', 0), dept(1, 'dup', 0)]);
    expect(tree.byId.get(1)!.name).toBe('root');
    expect(tree.roots).toEqual([1]);
  });

  it('expands the top level only at first', () => {
    const tree = buildDeptTree(sampleDepartments);
    expect(initialExpanded(tree)).toEqual([1]);
  });

  it('handles an empty list', () => {
    const tree = buildDeptTree([]);
    expect(tree.roots).toEqual([]);
  });
});
