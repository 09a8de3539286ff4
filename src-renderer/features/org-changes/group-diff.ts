import type { DiffLine } from '../../../src-main/contract';

export interface DiffGroup {
  path: string;
  lines: DiffLine[];
}

/** The diff grouped by entity, then by the department path the line belongs to (a tree diff). */
export function groupDiff(
  diff: readonly DiffLine[],
): Array<{ entity: DiffLine['entity']; groups: DiffGroup[] }> {
  const out: ReturnType<typeof groupDiff> = [];
  for (const entity of ['department', 'member', 'tag'] as const) {
    const lines = diff.filter((d) => d.entity === entity);
    if (lines.length === 0) continue;
    const byPath = new Map<string, DiffLine[]>();
    for (const l of lines) {
      const p = l.after ?? l.before ?? '';
      const parent = entity === 'department' ? p.split('/').slice(0, -1).join('/') : p;
      const list = byPath.get(parent) ?? [];
      list.push(l);
      byPath.set(parent, list);
    }
    out.push({
      entity,
      groups: [...byPath.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
        .map(([path, ls]) => ({ path, lines: ls })),
    });
  }
  return out;
}
