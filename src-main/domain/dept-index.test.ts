import { describe, expect, it } from 'vitest';
import { DeptIndex, WALK_LIMIT } from './dept-index';

// 1 ─ 2 ─ 4 ─ 5
//   └ 3
const links = [
  { id: 1, parentid: 0 },
  { id: 2, parentid: 1 },
  { id: 3, parentid: 1 },
  { id: 4, parentid: 2 },
  { id: 5, parentid: 4 },
];
const tree = () => new DeptIndex(links);

describe('DeptIndex', () => {
  it('counts depth from the root as level 1, and height including the department', () => {
    const t = tree();
    expect([1, 2, 4, 5].map((id) => t.depth(id))).toEqual([1, 2, 3, 4]);
    expect(t.depth(99)).toBe(0);
    expect(t.height(1)).toBe(4);
    expect(t.height(2)).toBe(3);
    expect(t.height(5)).toBe(1);
  });

  it('answers ancestry: proper ancestors only, self-or-descendant for cycle checks', () => {
    const t = tree();
    expect(t.isAncestor(1, 5)).toBe(true);
    expect(t.isAncestor(2, 5)).toBe(true);
    expect(t.isAncestor(3, 5)).toBe(false);
    expect(t.isAncestor(5, 5)).toBe(false);
    expect(t.isAncestor(5, 1)).toBe(false);
    expect(t.isSelfOrDescendant(5, 2)).toBe(true);
    expect(t.isSelfOrDescendant(2, 2)).toBe(true);
    expect(t.isSelfOrDescendant(3, 2)).toBe(false);
    expect(t.chain(5)).toEqual([5, 4, 2, 1]);
  });

  it('follows moves and removals', () => {
    const t = tree();
    t.set(4, 3);
    expect(t.chain(5)).toEqual([5, 4, 3, 1]);
    expect([...t.childIds(2)]).toEqual([]);
    expect(t.subtree(3)).toEqual([3, 4, 5]);
    t.remove(5);
    expect(t.height(3)).toBe(2);
    expect(t.has(5)).toBe(false);
  });

  it('leaves hidden departments out of downward queries but not out of depth', () => {
    const hidden = new Set([4]);
    const t = new DeptIndex(links, (id) => hidden.has(id));
    expect(t.height(2)).toBe(1);
    expect(t.subtree(1)).toEqual([1, 2, 3]);
    expect(t.childCount(2)).toBe(0);
    expect(t.depth(5)).toBe(4);
  });

  it('a broken chain counts the levels it has; a cycle stops at the walk limit', () => {
    const orphan = new DeptIndex([{ id: 7, parentid: 6 }]);
    expect(orphan.depth(7)).toBe(1);
    const cyclic = new DeptIndex([
      { id: 8, parentid: 9 },
      { id: 9, parentid: 8 },
    ]);
    expect(cyclic.depth(8)).toBe(WALK_LIMIT);
    expect(cyclic.isAncestor(1, 8)).toBe(false);
    expect(cyclic.chain(8)).toHaveLength(WALK_LIMIT);
  });
});
