import type { DiffLine } from '../../../contract/org-edit';
import { DeptIndex } from '../../../domain/dept-index';
import { MEMBER_FIELD, SCALAR_MEMBER_FIELDS } from '../../../domain/member-fields';
import {
  sameSet,
  uidKey,
  type CDept,
  type CMember,
  type CTag,
  type CacheSnapshot,
} from '../../../domain/org-cache';
import { changesPhrase, memberFieldChanges } from './field-changes';
import { childrenByParent, displayIds, movedAmong, positionPhrase } from './positions';
import { describeDeptChange, memberName, namerOf, showScalar, showText as show } from './summaries';
import type { WorkingCopy } from './working-copy';

/**
 * The net difference between the cache and the working copy ("what will change in WeCom"), as opposed to
 * the per-op change list: an entity renamed twice shows once, a move undone by another shows nothing.
 * Only touched entities are compared, so a 50,000-member org costs only a scan of the snapshot.
 */

const KIND_RANK: Record<DiffLine['kind'], number> = {
  removed: 0,
  added: 1,
  moved: 2,
  renamed: 3,
  reordered: 4,
  changed: 5,
};
const ENTITY_RANK: Record<DiffLine['entity'], number> = { department: 0, member: 1, tag: 2 };

/** Paths in a plain department list (the base side has no WorkingCopy), walked like WorkingCopy.path. */
export function pathResolver(depts: Iterable<CDept>): (id: number) => string {
  const byId = new Map<number, CDept>();
  for (const d of depts) byId.set(d.id, d);
  const tree = new DeptIndex(byId.values());
  const memo = new Map<number, string>();
  return (id) => {
    let p = memo.get(id);
    if (p === undefined) {
      const chain = tree.chain(id);
      p =
        chain.length === 0
          ? `部门#${id}`
          : chain
              .reverse()
              .map((x) => byId.get(x)!.name)
              .join('/');
      memo.set(id, p);
    }
    return p;
  };
}

export function treeDiff(base: CacheSnapshot, wc: WorkingCopy): DiffLine[] {
  const lines: DiffLine[] = [];
  const basePath = pathResolver(base.departments);
  const baseDepts = new Map(base.departments.map((d) => [d.id, d]));

  // Parents whose children's order values changed: told as positions, one line per moved department.
  const reordered = new Set<number>();
  for (const id of wc.touchedKeys('department')) {
    const b = baseDepts.get(id) ?? null;
    const deleted = wc.isDeleted('department', id);
    const cur = deleted ? undefined : wc.dept(id);
    const key = String(id);
    if (!b && cur)
      lines.push({
        kind: 'added',
        entity: 'department',
        key,
        text: `新增部门「${cur.name}」`,
        before: null,
        after: wc.path(id),
      });
    else if (b && !cur)
      lines.push({
        kind: 'removed',
        entity: 'department',
        key,
        text: `删除部门「${b.name}」`,
        before: basePath(id),
        after: null,
      });
    else if (b && cur) {
      const before = basePath(id);
      const after = wc.path(id);
      if (b.parentid !== cur.parentid)
        lines.push({
          kind: 'moved',
          entity: 'department',
          key,
          text: `将「${cur.name}」从 ${basePath(b.parentid)} 移到 ${wc.path(cur.parentid)}`,
          before,
          after,
        });
      if (b.name !== cur.name)
        lines.push({
          kind: 'renamed',
          entity: 'department',
          key,
          text: `部门「${b.name}」改名为「${cur.name}」`,
          before,
          after,
        });
      if (b.parentid === cur.parentid && b.order !== cur.order) reordered.add(cur.parentid);
    }
  }
  lines.push(...reorderLines(base, wc, reordered));

  const touchedMembers = new Set(wc.touchedKeys('member'));
  const baseMembers = new Map<string, CMember>();
  for (const m of base.members)
    if (touchedMembers.has(uidKey(m.userid))) baseMembers.set(uidKey(m.userid), m);
  const deptPaths = (m: CMember, path: (id: number) => string) =>
    m.departments.map((l) => path(l.departmentId)).join('；');
  const wcPath = (id: number) => wc.path(id);
  for (const k of touchedMembers) {
    const b = baseMembers.get(k) ?? null;
    const cur = wc.isDeleted('member', k) ? undefined : wc.member(k);
    if (!b && cur)
      lines.push({
        kind: 'added',
        entity: 'member',
        key: cur.userid,
        text: `新增成员 ${cur.name}（${cur.userid}）：${createFacts(cur, wc)}`,
        before: null,
        after: deptPaths(cur, wcPath),
      });
    else if (b && !cur)
      lines.push({
        kind: 'removed',
        entity: 'member',
        key: b.userid,
        text: `删除成员 ${b.name}（${b.userid}）`,
        before: deptPaths(b, basePath),
        after: null,
      });
    else if (b && cur) {
      const before = deptPaths(b, basePath);
      const after = deptPaths(cur, wcPath);
      if (!sameSet(b.departments, cur.departments, (l) => l.departmentId)) {
        const text =
          describeDeptChange(wc, cur.name, b.departments, cur.departments) ?? `调整 ${cur.name} 的部门`;
        lines.push({ kind: 'moved', entity: 'member', key: cur.userid, text, before, after });
      }
      const changes: string[] = [];
      if (b.enable !== cur.enable) changes.push(cur.enable ? '启用' : '停用');
      for (const f of SCALAR_MEMBER_FIELDS)
        if (b[f] !== cur[f])
          changes.push(`${MEMBER_FIELD[f].label} ${showScalar(f, b[f])} → ${showScalar(f, cur[f])}`);
      const mainImplied = !cur.departments.some((l) => l.departmentId === b.mainDepartment);
      if (b.mainDepartment !== cur.mainDepartment && !mainImplied)
        changes.push(`主部门 ${basePath(b.mainDepartment)} → ${wc.path(cur.mainDepartment)}`);
      if (!sameSet(b.directLeader, cur.directLeader, uidKey)) {
        const who = (us: readonly string[]) => show(us.map((u) => memberName(wc, u)).join('、'));
        changes.push(`直属上级 ${who(b.directLeader)} → ${who(cur.directLeader)}`);
      }
      const sameIds = sameSet(b.departments, cur.departments, (l) => l.departmentId);
      if (
        sameIds &&
        !sameSet(b.departments, cur.departments, (l) => `${l.departmentId}:${l.order}:${l.isLeader}`)
      )
        changes.push('部门内排序或负责人');
      if (changes.length > 0)
        lines.push({
          kind: 'changed',
          entity: 'member',
          key: cur.userid,
          text: `修改 ${cur.name}（${cur.userid}）：${changes.join('；')}`,
          before,
          after,
        });
    }
  }

  const baseTags = new Map<number, CTag>(base.tags.map((t) => [t.tagid, t]));
  for (const id of wc.touchedKeys('tag')) {
    const b = baseTags.get(id) ?? null;
    const cur = wc.isDeleted('tag', id) ? undefined : wc.tag(id);
    const key = String(id);
    if (!b && cur) {
      const n = cur.userids.length + cur.departmentIds.length;
      lines.push({
        kind: 'added',
        entity: 'tag',
        key,
        text: `新增标签「${cur.tagname}」${n > 0 ? `（${membership(cur.userids, cur.departmentIds)}）` : ''}`,
        before: null,
        after: cur.tagname,
      });
    } else if (b && !cur)
      lines.push({
        kind: 'removed',
        entity: 'tag',
        key,
        text: `删除标签「${b.tagname}」`,
        before: b.tagname,
        after: null,
      });
    else if (b && cur) {
      if (b.tagname !== cur.tagname)
        lines.push({
          kind: 'renamed',
          entity: 'tag',
          key,
          text: `标签「${b.tagname}」改名为「${cur.tagname}」`,
          before: b.tagname,
          after: cur.tagname,
        });
      const was = new Set(b.userids.map(uidKey));
      const now = new Set(cur.userids.map(uidKey));
      const addU = cur.userids.filter((u) => !was.has(uidKey(u)));
      const delU = b.userids.filter((u) => !now.has(uidKey(u)));
      const addD = cur.departmentIds.filter((d) => !b.departmentIds.includes(d));
      const delD = b.departmentIds.filter((d) => !cur.departmentIds.includes(d));
      const parts: string[] = [];
      if (addU.length + addD.length > 0) parts.push(`添加 ${membership(addU, addD)}`);
      if (delU.length + delD.length > 0) parts.push(`移除 ${membership(delU, delD)}`);
      if (parts.length > 0)
        lines.push({
          kind: 'changed',
          entity: 'tag',
          key,
          text: `标签「${cur.tagname}」${parts.join('，')}`,
          before: b.tagname,
          after: cur.tagname,
        });
    }
  }

  const sortKey = (l: DiffLine) => l.after ?? l.before ?? '';
  return lines.sort(
    (x, y) =>
      ENTITY_RANK[x.entity] - ENTITY_RANK[y.entity] ||
      cmp(sortKey(x), sortKey(y)) ||
      cmp(x.key, y.key) ||
      KIND_RANK[x.kind] - KIND_RANK[y.kind],
  );
}

/** 「骨科：第 8 位 → 第 9 位」 for each department that changed place, not for siblings renumbered around it. */
function reorderLines(base: CacheSnapshot, wc: WorkingCopy, parents: ReadonlySet<number>): DiffLine[] {
  if (parents.size === 0) return [];
  const baseChildren = childrenByParent(base.departments);
  const baseById = new Map(base.departments.map((d) => [d.id, d]));
  const basePath = pathResolver(base.departments);
  const out: DiffLine[] = [];
  for (const parent of parents) {
    const before = baseChildren(parent);
    const after = displayIds(wc.children(parent));
    const moved = movedAmong(before, after, (id) => baseById.get(id)?.order !== wc.dept(id)?.order);
    for (const id of after) {
      if (!moved.has(id)) continue;
      const b = baseById.get(id);
      if (!b || b.parentid !== parent) continue;
      const where = positionPhrase(id, before, after)!;
      out.push({
        kind: 'reordered',
        entity: 'department',
        key: String(id),
        text: `${wc.dept(id)!.name}：${where}`,
        before: basePath(id),
        after: wc.path(id),
      });
    }
  }
  return out;
}

/** A new member's filled-in fields, so a mistyped 手机 is visible before it is pushed. */
function createFacts(m: CMember, wc: WorkingCopy): string {
  const { name: _name, ...rest } = m;
  return changesPhrase(memberFieldChanges(null, rest, namerOf(wc)), true);
}

function membership(userids: readonly string[], deptIds: readonly number[]): string {
  const parts: string[] = [];
  if (userids.length > 0) parts.push(`${userids.length} 人`);
  if (deptIds.length > 0) parts.push(`${deptIds.length} 个部门`);
  return parts.join('、');
}

/** Code-point order: deterministic regardless of the machine's locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
