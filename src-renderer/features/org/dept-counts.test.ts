import { describe, expect, it } from 'vitest';
import { dept, row, sampleDepartments } from '../../test-support/org-fixtures';
import { isRuleGroup, membersBeneath, subtreeCounts } from './dept-counts';
import { buildDeptTree } from './dept-tree-model';
import { appendToSearchIndex, buildSearchIndex } from './member-search';

const tree = buildDeptTree([...sampleDepartments, dept(30, '正副主任', 12), dept(31, '正副主任', 20)]);
const index = buildSearchIndex([
  row('a', '甲', 'jia', 'j', [20]),
  row('b', '乙', 'yi', 'y', [21, 20]),
  row('c', '丙', 'bing', 'b', [11]),
  row('d', '丁', 'ding', 'd', [999]),
]);

describe('subtreeCounts', () => {
  it('counts each member once per subtree, whatever number of its departments lie beneath', () => {
    const counts = subtreeCounts(tree, index);
    expect(counts.get(20)).toBe(2);
    expect(counts.get(21)).toBe(1);
    expect(counts.get(12)).toBe(2);
    expect(counts.get(1)).toBe(3);
    expect(counts.get(10)).toBe(0);
    expect(counts.get(999)).toBeUndefined();
  });

  it('is computed once per tree and index', () => {
    expect(subtreeCounts(tree, index)).toBe(subtreeCounts(tree, index));
    expect(subtreeCounts(tree, buildSearchIndex([]))).not.toBe(subtreeCounts(tree, index));
  });
});

describe('membersBeneath', () => {
  it('lists a department’s subtree in index order, each member once', () => {
    expect(membersBeneath(tree, index, 12).map((r) => r.userid)).toEqual(['a', 'b']);
    expect(membersBeneath(tree, index, 21).map((r) => r.userid)).toEqual(['b']);
  });

  it('gives the whole index for the organisation’s root', () => {
    expect(membersBeneath(tree, index, 1)).toBe(index.rows);
  });
});

describe('isRuleGroup', () => {
  const names = new Set(['正副主任']);
  it('is a positional group directly under a top group', () => {
    expect(isRuleGroup(tree, tree.byId.get(30), names)).toBe(true);
  });
  it('is not a same-named department deeper down, nor an ordinary one', () => {
    expect(isRuleGroup(tree, tree.byId.get(31), names)).toBe(false);
    expect(isRuleGroup(tree, tree.byId.get(21), names)).toBe(false);
  });
});

describe('subtreeCounts after a move', () => {
  it('counts the same as a member-by-member count when the tree changes and the index does not', () => {
    const moved = buildDeptTree(
      [...sampleDepartments, dept(30, '正副主任', 12), dept(31, '正副主任', 20)].map((d) =>
        d.id === 21 ? { ...d, parentid: 11 } : d,
      ),
    );
    const before = subtreeCounts(tree, index);
    const after = subtreeCounts(moved, index);
    expect(before.get(12)).toBe(2);
    // 乙 is in 21 (moved under 11) and in 20 (still under 12): both subtrees still count 乙 once.
    expect(after.get(12)).toBe(2);
    expect(after.get(11)).toBe(2);
    expect(after.get(1)).toBe(3);
  });

  it('counts again when the same index has grown (pages still streaming in)', () => {
    const growing = buildSearchIndex([row('a', '甲', 'jia', 'j', [20])]);
    expect(subtreeCounts(tree, growing).get(20)).toBe(1);
    appendToSearchIndex(growing, [row('e', '戊', 'wu', 'w', [20])]);
    expect(subtreeCounts(tree, growing).get(20)).toBe(2);
  });
});
