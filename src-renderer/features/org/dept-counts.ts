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

/** Departments numbered 0..n-1 with their parent's number (-1 at the top): typed arrays, no maps in the hot loops. */
interface Dense {
  pos: Map<number, number>;
  ids: Int32Array;
  parent: Int32Array;
}

const denseCache = new WeakMap<DeptTree, Dense>();

function denseOf(tree: DeptTree): Dense {
  const hit = denseCache.get(tree);
  if (hit) return hit;
  const pos = new Map<number, number>();
  const ids = new Int32Array(tree.byId.size);
  let k = 0;
  for (const id of tree.byId.keys()) {
    pos.set(id, k);
    ids[k++] = id;
  }
  const parent = new Int32Array(ids.length).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const d = tree.byId.get(ids[i]!)!;
    // A top-level department (its parent unknown, or itself) ends the walk up.
    if (d.parentid !== d.id) parent[i] = pos.get(d.parentid) ?? -1;
  }
  const dense = { pos, ids, parent };
  denseCache.set(tree, dense);
  return dense;
}

class DenseCounts implements SubtreeCounts {
  constructor(
    private readonly pos: Map<number, number>,
    private readonly counts: Int32Array,
  ) {}
  get(id: number): number | undefined {
    const k = this.pos.get(id);
    return k === undefined ? undefined : this.counts[k];
  }
}

const cache = new WeakMap<DeptTree, { index: SearchIndex; counts: SubtreeCounts }>();

/**
 * Counted once per (tree, index) pair — both are replaced, never mutated, on a reload — in one pass
 * over the members: each member marks the ancestors of its departments with its own stamp, so a
 * member in two departments of one subtree counts there once, and no set is allocated per member.
 */
export function subtreeCounts(tree: DeptTree, index: SearchIndex): SubtreeCounts {
  const hit = cache.get(tree);
  if (hit && hit.index === index) return hit.counts;
  const { pos, parent } = denseOf(tree);
  const counts = new Int32Array(parent.length);
  const stamp = new Int32Array(parent.length).fill(-1);
  const rows = index.rows;
  for (let i = 0; i < rows.length; i++) {
    const ids = rows[i]!.departmentIds;
    for (let k = 0; k < ids.length; k++) {
      let cur = pos.get(ids[k]!) ?? -1;
      // Parent chains are acyclic in a built tree; the bound keeps bad data harmless anyway.
      for (let guard = 0; cur >= 0 && stamp[cur] !== i && guard < 256; guard++) {
        stamp[cur] = i;
        counts[cur]!++;
        cur = parent[cur]!;
      }
    }
  }
  const result = new DenseCounts(pos, counts);
  cache.set(tree, { index, counts: result });
  return result;
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
  const { pos } = denseOf(tree);
  const inside = new Uint8Array(pos.size);
  for (const d of subtreeIds(tree, id)) {
    const k = pos.get(d);
    if (k !== undefined) inside[k] = 1;
  }
  const out: MemberIndexRow[] = [];
  for (const row of index.rows) {
    const ids = row.departmentIds;
    for (let k = 0; k < ids.length; k++) {
      const at = pos.get(ids[k]!);
      if (at !== undefined && inside[at] === 1) {
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
