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

const cache = new WeakMap<DeptTree, { index: SearchIndex; size: number; counts: SubtreeCounts }>();

/**
 * What a count needs from the index, independent of the tree: how many members belong to exactly
 * one department, per department (nearly everyone), and the department lists of the others. A move
 * or a rename replaces the tree but not the index, so only the cheap per-tree pass runs again.
 */
interface Memberships {
  size: number;
  single: Map<number, number>;
  multi: Array<readonly number[]>;
}

const membershipCache = new WeakMap<SearchIndex, Memberships>();

function membershipsOf(index: SearchIndex): Memberships {
  const rows = index.rows;
  // An index grows while it streams in: recount when it holds more rows than last time.
  const hit = membershipCache.get(index);
  if (hit && hit.size === rows.length) return hit;
  const single = new Map<number, number>();
  const multi: Array<readonly number[]> = [];
  for (let i = 0; i < rows.length; i++) {
    const ids = rows[i]!.departmentIds;
    if (ids.length === 1) single.set(ids[0]!, (single.get(ids[0]!) ?? 0) + 1);
    else if (ids.length > 1) multi.push(ids);
  }
  const m = { size: rows.length, single, multi };
  membershipCache.set(index, m);
  return m;
}

/**
 * Counted once per (tree, index) pair — both are replaced, never mutated, on a reload. The members
 * of one department are added to its ancestors in one walk; a member of several departments marks
 * the ancestors of each with its own stamp, so within one subtree it counts once, and no set is
 * allocated per member.
 */
export function subtreeCounts(tree: DeptTree, index: SearchIndex): SubtreeCounts {
  const hit = cache.get(tree);
  if (hit && hit.index === index && hit.size === index.rows.length) return hit.counts;
  const { pos, parent } = denseOf(tree);
  const { single, multi, size } = membershipsOf(index);
  const counts = new Int32Array(parent.length);
  const stamp = new Int32Array(parent.length).fill(-1);
  let walk = 0;
  // Parent chains are acyclic in a built tree; the stamp and the bound keep bad data harmless anyway.
  const addUp = (deptId: number, n: number, mark: number): void => {
    let cur = pos.get(deptId) ?? -1;
    for (let guard = 0; cur >= 0 && stamp[cur] !== mark && guard < 256; guard++) {
      stamp[cur] = mark;
      counts[cur]! += n;
      cur = parent[cur]!;
    }
  };
  for (const [deptId, n] of single) addUp(deptId, n, walk++);
  for (const ids of multi) {
    const mark = walk++;
    for (let k = 0; k < ids.length; k++) addUp(ids[k]!, 1, mark);
  }
  const result = new DenseCounts(pos, counts);
  cache.set(tree, { index, size, counts: result });
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
