import { topGroupRank, type CDept } from '../../../domain/org-cache';

/**
 * Where a department sits among its siblings as the clerk sees them (the six top groups first in
 * their fixed order, then larger `order` first, then id), so a reorder can be told as
 * 「骨科：第 8 位 → 第 9 位」 instead of as raw `order` values.
 */

export function compareDisplay(a: CDept, b: CDept): number {
  const pa = topGroupRank(a);
  const pb = topGroupRank(b);
  if (pa !== null || pb !== null) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    if (pa !== pb) return pa - pb;
  }
  return b.order - a.order || a.id - b.id;
}

/** Sibling ids in display order. */
export function displayIds(siblings: Iterable<CDept>): number[] {
  return [...siblings].sort(compareDisplay).map((d) => d.id);
}

/** Every parent's children in display order, for a plain department list (the cache side). */
export function childrenByParent(depts: Iterable<CDept>): (parentId: number) => number[] {
  const lists = new Map<number, CDept[]>();
  for (const d of depts) {
    let l = lists.get(d.parentid);
    if (!l) lists.set(d.parentid, (l = []));
    l.push(d);
  }
  const sorted = new Map<number, number[]>();
  return (parentId) => {
    let ids = sorted.get(parentId);
    if (!ids) sorted.set(parentId, (ids = displayIds(lists.get(parentId) ?? [])));
    return ids;
  };
}

/** 「第 8 位 → 第 9 位」, 1-based; null when the department is in neither list. */
export function positionPhrase(
  id: number,
  before: readonly number[],
  after: readonly number[],
): string | null {
  const b = before.indexOf(id);
  const a = after.indexOf(id);
  if (b < 0 || a < 0) return null;
  return `第 ${b + 1} 位 → 第 ${a + 1} 位`;
}

const LCS_LIMIT = 600;

/**
 * The departments that actually changed place between two orderings of the same siblings: everything
 * outside the heaviest common subsequence. `stay` weighs how much a department is presumed to have
 * stayed put — more for one whose `order` did not change (moving 骨科 down one place also moves its
 * neighbour up one, but only 骨科 was moved). A boolean means "its value changed".
 */
export function movedAmong(
  before: readonly number[],
  after: readonly number[],
  stay: (id: number) => boolean | number,
): Set<number> {
  const inBoth = new Set(after);
  const b = before.filter((id) => inBoth.has(id));
  const common = new Set(b);
  const a = after.filter((id) => common.has(id));
  const n = b.length;
  // Boolean: a department whose value did not change stayed put, outweighing all that changed together.
  const changedCount = b.filter((id) => stay(id) === true).length;
  const weight = (id: number) => {
    const w = stay(id);
    return typeof w === 'number' ? w : w ? 1 : changedCount + 1;
  };
  // Quadratic: a very wide parent falls back to "whose value changed", which is right for single moves.
  if (n > LCS_LIMIT) return new Set(b.filter((id) => weight(id) < 2));
  // dp[i][j]: best weight of a common subsequence of b[i..] and a[j..].
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      dp[i]![j] =
        b[i] === a[j] ? weight(b[i]!) + dp[i + 1]![j + 1]! : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const kept = new Set<number>();
  for (let i = 0, j = 0; i < n && j < n;) {
    if (b[i] === a[j]) {
      kept.add(b[i]!);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((id) => !kept.has(id)));
}
