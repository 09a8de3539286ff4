import type { ChangeOp } from '../../../../contract/org-edit';
import { uidKey, type CDept, type CacheSnapshot } from '../../../../domain/org-cache';
import { WorkingCopy } from '../working-copy';
import { planDepartments } from './departments';
import { planMembers } from './members';
import { planTagMembership, planTagNames, tagDelete } from './tags';
import type { Draft, PlannedCall } from './types';

export { TAG_PARTIES_PER_CALL, TAG_USERS_PER_CALL, type PlannedCall } from './types';

/**
 * Turns staged ops into the WeCom calls to make, net of redundancy and in an order where every call is
 * valid against the state the previous calls left (API.md §2): the outbox then runs them one by one.
 *
 * Phases: department creates and updates (simulated, so no move ever targets a missing parent, forms a
 * cycle, exceeds 15 levels or collides with a sibling's name) → tag creates/renames → member creates →
 * member updates → tag membership → member deletes → tag deletes → department deletes (children first).
 */

export function planCalls(base: CacheSnapshot, ops: readonly ChangeOp[]): PlannedCall[] {
  // Fold the ops over only what they touch (plus the whole, small, department tree): the working copy
  // then holds each entity's net final state, and its base the state before.
  const userKeys = new Set<string>();
  const tagIds = new Set<number>();
  for (const op of ops) {
    if (op.type.startsWith('member.')) userKeys.add(uidKey((op as { userid: string }).userid));
    else if (op.type.startsWith('tag.')) tagIds.add((op as { tagid: number }).tagid);
  }
  const wc = WorkingCopy.build(
    {
      departments: base.departments,
      members: base.members.filter((m) => userKeys.has(uidKey(m.userid))),
      tags: base.tags.filter((t) => tagIds.has(t.tagid)),
    },
    ops,
  );

  const out: Draft[] = [];
  const sim = planDepartments(base, wc, out);
  const pendingTagDeletes = planTagNames(base, wc, out);
  planMembers(wc, out);
  planTagMembership(wc, out);
  for (const k of wc.touchedKeys('member')) {
    const b = wc.baseMember(k);
    if (b && wc.isDeleted('member', k))
      out.push({
        call: { kind: 'member.delete', userid: b.userid },
        entity: 'member',
        key: b.userid,
        summary: `删除成员 ${b.name}（${b.userid}）`,
        before: b,
        after: null,
      });
  }
  for (const t of pendingTagDeletes.values()) out.push(tagDelete(t));
  const deletes: CDept[] = [];
  for (const id of wc.touchedKeys('department')) {
    const b = wc.baseDept(id);
    if (b && wc.isDeleted('department', id)) deletes.push(b);
  }
  // Children before parents: WeCom refuses to delete a department that still has sub-departments.
  deletes.sort((a, b) => sim.depth(b.id) - sim.depth(a.id) || a.id - b.id);
  for (const d of deletes)
    out.push({
      call: { kind: 'dept.delete', id: d.id },
      entity: 'department',
      key: String(d.id),
      summary: `删除部门「${d.name}」`,
      before: d,
      after: null,
    });

  return out.map((c, i) => ({ seq: i + 1, ...c }));
}
