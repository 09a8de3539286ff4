import type { Department, MemberIndexRow } from '../../../src-main/contract';
import type { DeptTree } from './dept-tree-model';
import type { SearchIndex } from './member-search';

/**
 * Headcounts that include sub-departments, as DingTalk and the WeCom console show them. A member in
 * two departments of one subtree counts once there, so the count equals the rows the table lists
 * when that department is selected.
 */
export interface SubtreeCounts {
  get(id: number): number | undefined;
}

const cache = new WeakMap<DeptTree, { index: SearchIndex; counts: Map<number, number> }>();

/**
 * Counted once per (tree, index) pair — both are replaced, never mutated, on a reload — in one pass
 * over the members: each member marks the ancestors of its departments with its own stamp, so no
 * set is allocated per member.
 */
export function subtreeCounts(tree: DeptTree, index: SearchIndex): SubtreeCounts {
  const hit = cache.get(tree);
  if (hit && hit.index === index) return hit.counts;
  const counts = new Map<number, number>();
  const stamp = new Map<number, number>();
  const rows = index.rows;
  for (let i = 0; i < rows.length; i++) {
    const ids = rows[i]!.departmentIds;
    for (let k = 0; k < ids.length; k++) {
      let cur: number | undefined = ids[k]!;
      // Parent chains are acyclic in a built tree, but the depth bound keeps bad data harmless.
      for (let guard = 0; cur !== undefined && guard < 64; guard++) {
        const d: Department | undefined = tree.byId.get(cur);
        if (!d || stamp.get(cur) === i) break;
        stamp.set(cur, i);
        counts.set(cur, (counts.get(cur) ?? 0) + 1);
        cur = d.parentid === cur ? undefined : d.parentid;
      }
    }
  }
  cache.set(tree, { index, counts });
  return counts;
}

/** The department and every department beneath it. */
export function subtreeIds(tree: DeptTree, id: number): Set<number> {
  const out = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (out.has(cur)) continue;
    out.add(cur);
    const kids = tree.children.get(cur);
    if (kids) for (const k of kids) stack.push(k);
  }
  return out;
}

/**
 * Everyone in the department or beneath it, in index order (the member cache's order). For the
 * organisation's root this is the whole index, without a scan.
 */
export function membersBeneath(tree: DeptTree, index: SearchIndex, id: number): readonly MemberIndexRow[] {
  if (tree.roots.length === 1 && tree.roots[0] === id) return index.rows;
  const ids = subtreeIds(tree, id);
  const out: MemberIndexRow[] = [];
  for (const row of index.rows) {
    for (const d of row.departmentIds) {
      if (ids.has(d)) {
        out.push(row);
        break;
      }
    }
  }
  return out;
}

/** The positional groups the rules feature offers; a hospital may add more through its own rules. */
export const DEFAULT_RULE_GROUPS: readonly string[] = ['正副主任', '正副护士长', '主持工作的科主任'];

/**
 * A positional group kept by a rule: a department directly under one of the six top groups, named
 * like a positional rule. Its members follow 职务, so hand-made links would be undone by the rule.
 */
export function isRuleGroup(
  tree: DeptTree | null,
  d: Department | undefined,
  ruleNames: ReadonlySet<string>,
) {
  if (!tree || !d || d.pinnedRank != null) return false;
  const parent = tree.byId.get(d.parentid);
  return parent?.pinnedRank != null && ruleNames.has(d.name.trim());
}

/** Why nothing can be dropped by hand into a rule group (members or departments). */
export const ruleGroupRefusal = (name: string): string =>
  `「${name}」由分组规则按职务自动维护，不能手动放入；请修改成员的职务或到「分组规则」调整`;
