import type { ChangeOp } from '../../../contract/org-edit';
import { issue } from '../../../domain/issue-codes';
import { uidKey } from './types';
import type { OpCheck } from './validate-check';
import type { WorkingCopy } from './working-copy';

/** Tag ops against the working copy (API.md §2.3). Only main checks these: no form restates them. */

/** Max users + departments in one tag (81003). */
const MAX_TAG_NODES = 30_000;

export function requireTag(s: WorkingCopy, tagid: number, c: OpCheck): boolean {
  const t = s.tag(tagid, { includeDeleted: true });
  if (!t) {
    c.add('tagid', issue('tag.missing', { tagid }), true);
    return false;
  }
  if (s.isDeleted('tag', tagid)) {
    c.add('tagid', issue('tag.deleted', { name: t.tagname }), true);
    return false;
  }
  return true;
}

/** Tag names are unique in the corp (40071); a tag pending deletion still holds its name until pushed. */
export function checkTagName(s: WorkingCopy, tagname: string, selfId: number | null, c: OpCheck): void {
  const name = tagname.trim();
  const clash = s.tagsByName(name, { includeDeleted: true }).find((t) => t.tagid !== selfId);
  if (!clash) return;
  if (s.isDeleted('tag', clash.tagid)) c.add('tagname', issue('tag.nameHeldByDeleted', { name }));
  else c.add('tagname', issue('tag.nameTaken', { name }));
}

export function checkTagMembers(
  s: WorkingCopy,
  op: Extract<ChangeOp, { type: 'tag.addMembers' | 'tag.removeMembers' }>,
  c: OpCheck,
): void {
  if (!requireTag(s, op.tagid, c)) return;
  const adding = op.type === 'tag.addMembers';
  if (op.userids.length === 0 && op.departmentIds.length === 0) {
    c.add('', issue('tag.emptySelection'), true);
    return;
  }
  op.userids.forEach((u, j) => {
    // Removing someone pending deletion is harmless; adding them is not.
    if (!s.member(u, { includeDeleted: !adding }))
      c.add(`userids.${j}`, issue('tag.memberMissing', { userid: u, adding }), true);
  });
  op.departmentIds.forEach((d, j) => {
    if (!s.dept(d, { includeDeleted: !adding }))
      c.add(`departmentIds.${j}`, issue('tag.deptMissing', { departmentId: d, adding }), true);
  });
  if (adding) {
    const t = s.tag(op.tagid)!;
    const users = new Set(t.userids.map(uidKey));
    for (const u of op.userids) users.add(uidKey(u));
    const depts = new Set([...t.departmentIds, ...op.departmentIds]);
    const count = users.size + depts.size;
    if (count > MAX_TAG_NODES) c.add('', issue('tag.tooManyNodes', { count, max: MAX_TAG_NODES }), true);
  }
}
