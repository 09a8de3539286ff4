import type { ChangeOp } from '../../../contract/org-edit';
import {
  GENDER_LABELS,
  MEMBER_FIELD,
  SCALAR_MEMBER_FIELDS,
  sameMemberField,
  type MemberField,
  type MemberFieldValues,
  type ScalarMemberField,
} from '../../../domain/member-fields';
import type { CMember, CMemberDept } from '../../../domain/org-cache';
import { changesPhrase, memberFieldChanges, showText, type Namer } from './field-changes';
import { displayIds, movedAmong, positionPhrase } from './positions';
import type { WorkingCopy } from './working-copy';

export { showText };

/**
 * One line of plain Chinese per op, for the change list and the undo menu. `wc` must be the working copy
 * as it is BEFORE the op (so a move can say where from).
 */

/** Fields an update names by label, in the order the summary lists them. */
const LABELLED: readonly MemberField[] = [...SCALAR_MEMBER_FIELDS, 'directLeader'];

export function deptName(wc: WorkingCopy, id: number): string {
  return wc.dept(id, { includeDeleted: true })?.name ?? `部门#${id}`;
}

export function memberName(wc: WorkingCopy, userid: string): string {
  return wc.member(userid, { includeDeleted: true })?.name ?? userid;
}

/** Names from the working copy, for field-level lines. */
export function namerOf(wc: WorkingCopy): Namer {
  return { dept: (id) => deptName(wc, id), member: (u) => memberName(wc, u) };
}

/** A text or gender value for a "before → after" line. */
export function showScalar(field: ScalarMemberField, v: string): string {
  return showText(field === 'gender' ? (GENDER_LABELS[v] ?? v) : v);
}

function names(wc: WorkingCopy, ids: readonly number[]): string {
  return ids.map((id) => deptName(wc, id)).join('、');
}

/** "3 人、1 个部门", or the names themselves when there are only a few. */
export function countPhrase(wc: WorkingCopy, userids: readonly string[], deptIds: readonly number[]): string {
  if (userids.length + deptIds.length <= 3) {
    return [...userids.map((u) => memberName(wc, u)), ...deptIds.map((d) => deptName(wc, d))].join('、');
  }
  const parts: string[] = [];
  if (userids.length > 0) parts.push(`${userids.length} 人`);
  if (deptIds.length > 0) parts.push(`${deptIds.length} 个部门`);
  return parts.join('、');
}

/** How a member's department list changed, e.g. "将 张三 从 心血管内科 移到 呼吸内科". */
export function describeDeptChange(
  wc: WorkingCopy,
  who: string,
  before: readonly CMemberDept[],
  after: readonly CMemberDept[],
): string | null {
  const was = new Set(before.map((l) => l.departmentId));
  const now = new Set(after.map((l) => l.departmentId));
  const added = after.map((l) => l.departmentId).filter((d) => !was.has(d));
  const removed = before.map((l) => l.departmentId).filter((d) => !now.has(d));
  if (added.length === 0 && removed.length === 0) {
    const changed = after.filter((l) => {
      const b = before.find((x) => x.departmentId === l.departmentId);
      return b && (b.order !== l.order || b.isLeader !== l.isLeader);
    });
    if (changed.length === 0) return null;
    const leader = changed.filter(
      (l) => before.find((x) => x.departmentId === l.departmentId)?.isLeader !== l.isLeader,
    );
    if (leader.length > 0)
      return leader
        .map((l) => `${l.isLeader ? '设' : '取消'} ${who} 为 ${deptName(wc, l.departmentId)} 的负责人`)
        .join('；');
    return `调整 ${who} 在 ${names(
      wc,
      changed.map((l) => l.departmentId),
    )} 的排序`;
  }
  if (added.length > 0 && removed.length > 0)
    return `将 ${who} 从 ${names(wc, removed)} 移到 ${names(wc, added)}`;
  if (added.length > 0) return `将 ${who} 加入 ${names(wc, added)}`;
  return `将 ${who} 移出 ${names(wc, removed)}`;
}

function memberUpdate(wc: WorkingCopy, op: Extract<ChangeOp, { type: 'member.update' }>): string {
  const m: CMember | undefined = wc.member(op.userid, { includeDeleted: true });
  const who = m?.name ?? op.userid;
  const f = op.fields;
  const parts: string[] = [];
  if (f.enable !== undefined && f.enable !== m?.enable) parts.push(`${f.enable ? '启用' : '停用'} ${who}`);
  if (f.departments !== undefined) {
    const d = describeDeptChange(wc, who, m?.departments ?? [], f.departments);
    if (d) parts.push(d);
  }
  // A move that drops the old main department implies the new one: not worth a second sentence.
  const mainImplied =
    f.departments !== undefined && !f.departments.some((l) => l.departmentId === m?.mainDepartment);
  if (f.mainDepartment !== undefined && f.mainDepartment !== m?.mainDepartment && !mainImplied)
    parts.push(`将 ${who} 的主部门设为 ${deptName(wc, f.mainDepartment)}`);
  const changed = LABELLED.filter((k) => {
    const v = f[k];
    return v !== undefined && (!m || !sameMemberField(k, v, m[k]));
  });
  if (changed.length === 1) {
    const k = changed[0]!;
    if (k === 'directLeader') {
      const v = f.directLeader!;
      parts.push(
        v.length === 0
          ? `清除 ${who} 的直属上级`
          : `将 ${who} 的直属上级设为 ${v.map((u) => memberName(wc, u)).join('、')}`,
      );
    } else {
      const field = k as ScalarMemberField;
      const render = (v: string) => showScalar(field, v);
      parts.push(
        `修改 ${who} 的${MEMBER_FIELD[field].label}：${render(m ? m[field] : '')} → ${render(f[field]!)}`,
      );
    }
  } else if (changed.length > 1) {
    const only: Partial<MemberFieldValues> = {};
    for (const k of changed) (only as Record<string, unknown>)[k] = f[k];
    const lines = memberFieldChanges(m ?? null, only, namerOf(wc));
    parts.push(`修改 ${who}：${changesPhrase(lines, !m)}`);
  }
  return parts.length > 0 ? parts.join('；') : `保存 ${who} 的资料（无变化）`;
}

export function summarize(op: ChangeOp, wc: WorkingCopy): string {
  switch (op.type) {
    case 'dept.create':
      return `新建部门「${op.name}」于 ${deptName(wc, op.parentid)}`;
    case 'dept.update': {
      const d = wc.dept(op.id, { includeDeleted: true });
      const name = d?.name ?? `部门#${op.id}`;
      const parts: string[] = [];
      if (op.name !== undefined && op.name !== d?.name) parts.push(`重命名部门「${name}」为「${op.name}」`);
      if (op.parentid !== undefined && op.parentid !== d?.parentid)
        parts.push(`将「${op.name ?? name}」移到 ${deptName(wc, op.parentid)} 之下`);
      else if (op.order !== undefined && op.order !== d?.order && d)
        parts.push(`${op.name ?? name}：${reorderPhrase(wc, op.id, d.parentid, [op])}`);
      return parts.length > 0 ? parts.join('；') : `保存部门「${name}」（无变化）`;
    }
    case 'dept.delete':
      return `删除部门「${deptName(wc, op.id)}」`;
    case 'member.create': {
      const { name: _name, ...rest } = op.fields;
      const facts = changesPhrase(memberFieldChanges(null, rest, namerOf(wc)), true);
      return `新建成员 ${op.fields.name}（${op.userid}）${facts ? `：${facts}` : ''}`;
    }
    case 'member.update':
      return memberUpdate(wc, op);
    case 'member.delete':
      return `删除成员 ${memberName(wc, op.userid)}`;
    case 'tag.create':
      return `新建标签「${op.tagname}」`;
    case 'tag.update':
      return `重命名标签「${wc.tag(op.tagid, { includeDeleted: true })?.tagname ?? op.tagid}」为「${op.tagname}」`;
    case 'tag.delete':
      return `删除标签「${wc.tag(op.tagid, { includeDeleted: true })?.tagname ?? op.tagid}」`;
    case 'tag.addMembers':
      return `给标签「${wc.tag(op.tagid, { includeDeleted: true })?.tagname ?? op.tagid}」添加 ${countPhrase(wc, op.userids, op.departmentIds)}`;
    case 'tag.removeMembers':
      return `从标签「${wc.tag(op.tagid, { includeDeleted: true })?.tagname ?? op.tagid}」移除 ${countPhrase(wc, op.userids, op.departmentIds)}`;
  }
}

/** Where `id` sits among the children of `parentId` before and after `ops` (applied in a scratch). */
function reorderPhrase(wc: WorkingCopy, id: number, parentId: number, ops: readonly ChangeOp[]): string {
  const before = displayIds(wc.children(parentId));
  const after = wc.withScratch((s) => {
    for (const op of ops) s.apply(op);
    return displayIds(s.children(s.dept(id)?.parentid ?? parentId));
  });
  return positionPhrase(id, before, after) ?? '调整排序';
}

type DeptUpdate = Extract<ChangeOp, { type: 'dept.update' }>;

const orderOnly = (op: ChangeOp): op is DeptUpdate =>
  op.type === 'dept.update' && op.order !== undefined && op.name === undefined && op.parentid === undefined;

/**
 * How many ops after `i` only renumber siblings to make room for the department op `i` places: the
 * renderer sends the moved department first, then the siblings it had to renumber. One move is one
 * line in the change list, however many `order` values it rewrites.
 */
function renumberRun(ops: readonly ChangeOp[], i: number, wc: WorkingCopy): number {
  const lead = ops[i]!;
  if (lead.type !== 'dept.update' || lead.order === undefined || lead.name !== undefined) return 0;
  const parent = lead.parentid ?? wc.dept(lead.id)?.parentid;
  let n = 0;
  for (let j = i + 1; j < ops.length; j++) {
    const op = ops[j]!;
    if (!orderOnly(op) || op.id === lead.id || wc.dept(op.id)?.parentid !== parent) break;
    n++;
  }
  return n;
}

/**
 * One reorder gesture (`group`: the placed department first, then siblings renumbered or placed with
 * it) as lines naming only the departments that changed place, e.g. 「骨科：第 8 位 → 第 9 位」.
 */
function reorderGroupLines(s: WorkingCopy, group: readonly DeptUpdate[]): string[] {
  const lead = group[0]!;
  const d = s.dept(lead.id);
  if (!d) return [summarize(lead, s)];
  const parent = lead.parentid ?? d.parentid;
  const lines: string[] = [];
  if (lead.parentid !== undefined && lead.parentid !== d.parentid)
    lines.push(`将「${d.name}」移到 ${deptName(s, lead.parentid)} 之下`);
  const before = displayIds(s.children(parent));
  const inGroup = new Set(group.map((op) => op.id));
  const after = s.withScratch((x) => {
    for (const op of group) x.apply(op);
    return displayIds(x.children(parent));
  });
  // Departments whose value did not change stayed put, outweighing the whole group; within the group
  // the placed department is the likeliest mover, renumbered siblings less so.
  const untouched = 2 * group.length + 1;
  const moved = movedAmong(before, after, (id) => (id === lead.id ? 1 : inGroup.has(id) ? 2 : untouched));
  for (const id of after) {
    if (!moved.has(id)) continue;
    const where = positionPhrase(id, before, after);
    if (where) lines.push(`${deptName(s, id)}：${where}`);
  }
  if (lines.length === 0) lines.push(`调整「${d.name}」的排序`);
  return lines;
}

/**
 * Summaries for a whole batch: each op described against the state right before it, except that a
 * reorder and the sibling renumbering it needed are told as the departments that changed place.
 */
export function summarizeAll(ops: readonly ChangeOp[], wc: WorkingCopy): string[] {
  return wc.withScratch((s) => {
    const lines: string[] = [];
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const run = renumberRun(ops, i, s);
      if (run > 0) {
        const group = ops.slice(i, i + run + 1) as DeptUpdate[];
        lines.push(...reorderGroupLines(s, group));
        for (const g of group) s.apply(g);
        i += run;
        continue;
      }
      lines.push(summarize(op, s));
      s.apply(op);
    }
    return lines;
  });
}
