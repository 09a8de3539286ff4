import type { Department } from '../../../src-main/contract';

/** Departments arranged for display; built once per load, read by the tree and the tables. */
export interface DeptTree {
  readonly byId: ReadonlyMap<number, Department>;
  /** Sorted children per department id. */
  readonly children: ReadonlyMap<number, readonly number[]>;
  /** Sorted top level: departments whose parent is unknown (WeCom root has parentid 0). */
  readonly roots: readonly number[];
  readonly depth: ReadonlyMap<number, number>;
}

/**
 * Sibling order: the six pinned top groups first in their fixed order (pinnedRank 0..5), then
 * WeCom's own order, where a larger `order` comes first; id as the last tie-breaker so the result is
 * stable across loads.
 */
export function compareSiblings(a: Department, b: Department): number {
  const pa = a.pinnedRank;
  const pb = b.pinnedRank;
  if (pa !== null || pb !== null) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    if (pa !== pb) return pa - pb;
  }
  if (a.order !== b.order) return b.order - a.order;
  return a.id - b.id;
}

/**
 * Never throws on bad data: a department whose parent is missing becomes a top-level entry, and a
 * parent cycle is cut at its smallest id so every department appears exactly once.
 */
export function buildDeptTree(departments: readonly Department[]): DeptTree {
  const byId = new Map<number, Department>();
  for (const d of departments) if (!byId.has(d.id)) byId.set(d.id, d);

  const childLists = new Map<number, Department[]>();
  const rootDepts: Department[] = [];
  for (const d of byId.values()) {
    if (d.parentid === d.id || !byId.has(d.parentid)) {
      rootDepts.push(d);
      continue;
    }
    let list = childLists.get(d.parentid);
    if (!list) childLists.set(d.parentid, (list = []));
    list.push(d);
  }

  const children = new Map<number, number[]>();
  for (const [parent, list] of childLists)
    children.set(
      parent,
      list.sort(compareSiblings).map((d) => d.id),
    );

  const depth = new Map<number, number>();
  const walk = (start: number): void => {
    // Iterative: deep hierarchies must not overflow the stack.
    const stack: Array<[number, number]> = [[start, 0]];
    while (stack.length > 0) {
      const [id, level] = stack.pop()!;
      if (depth.has(id)) continue;
      depth.set(id, level);
      const kids = children.get(id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, level + 1]);
    }
  };
  rootDepts.sort(compareSiblings);
  for (const d of rootDepts) walk(d.id);

  // Whatever is still unreached sits on (or below) a parent cycle.
  if (depth.size < byId.size) {
    const unreached = [...byId.keys()].filter((id) => !depth.has(id)).sort((a, b) => a - b);
    for (const id of unreached) {
      if (depth.has(id)) continue;
      const d = byId.get(id)!;
      const siblings = children.get(d.parentid);
      if (siblings)
        children.set(
          d.parentid,
          siblings.filter((x) => x !== id),
        );
      rootDepts.push(d);
      walk(id);
    }
    rootDepts.sort(compareSiblings);
  }

  return { byId, children, roots: rootDepts.map((d) => d.id), depth };
}

/** Ids to show expanded at first: the top levels, so the six groups are visible, deeper collapsed. */
export function initialExpanded(tree: DeptTree, levels = 1): number[] {
  const out: number[] = [];
  for (const [id, level] of tree.depth) {
    if (level < levels && (tree.children.get(id)?.length ?? 0) > 0) out.push(id);
  }
  return out;
}

export function departmentName(tree: DeptTree | null, id: number): string | undefined {
  return tree?.byId.get(id)?.name;
}
