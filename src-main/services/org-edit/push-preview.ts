import type { ContactsCall, OutboxCall } from '../../contract/outbox';
import type { OpFacts, PushCallKind } from '../../contract/push';
import type { CacheSnapshot, CMember } from '../../domain/org-cache';

/**
 * What a planned call does, for the confirmation summary. A department update that moves it is a
 * move even when it also carries an order; one that only carries an order is a 排序 — the planner
 * writes one per sibling when a department changes place, which is why calls can outnumber changes.
 */
export function callKind(call: ContactsCall): PushCallKind {
  switch (call.kind) {
    case 'dept.create':
      return 'deptCreate';
    case 'dept.update':
      if (call.parentId !== undefined) return 'deptMove';
      if (call.name !== undefined) return 'deptRename';
      return 'deptOrder';
    case 'dept.delete':
      return 'deptDelete';
    case 'member.create':
      return 'memberCreate';
    case 'member.update':
      return 'memberUpdate';
    case 'member.delete':
      return 'memberDelete';
    case 'tag.create':
      return 'tagCreate';
    case 'tag.update':
      return 'tagRename';
    case 'tag.delete':
      return 'tagDelete';
    case 'tag.addMembers':
    case 'tag.removeMembers':
      return 'tagMembers';
    case 'member.invite':
      return 'invite';
  }
}

/** Counts per kind, in the order the kinds are declared (creates first, deletes last per entity). */
export function countByKind(calls: readonly ContactsCall[]): { kind: PushCallKind; count: number }[] {
  const counts = new Map<PushCallKind, number>();
  for (const c of calls) counts.set(callKind(c), (counts.get(callKind(c)) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/** WeCom stores mobiles as typed; compare them without spaces, dashes or the +86 prefix. */
export function mobileKey(m: string): string {
  const digits = m.replace(/[\s-]/g, '');
  return digits.replace(/^\+?86(?=1\d{10}$)/, '');
}

/** errcodes whose reason names who already holds the value (60104 mobile, 60106 email, 60102 userid). */
const HOLDER_CODES = new Set([60102, 60104, 60106]);

export function wantsHolder(errcode: number | null): boolean {
  return errcode !== null && HOLDER_CODES.has(errcode);
}

const deptNames = (m: CMember, snap: CacheSnapshot): string => {
  const names = new Map(snap.departments.map((d) => [d.id, d.name]));
  return m.departments.map((l) => names.get(l.departmentId) ?? String(l.departmentId)).join('、');
};

/**
 * For a call WeCom refused because another member holds its mobile/email/userid, that member as the
 * local copy of WeCom knows them (after the push re-read it). undefined when the call has no such
 * value; facts without a holder when nobody in the copy holds it.
 */
export function holderFacts(
  call: OutboxCall,
  errcode: number | null,
  snap: CacheSnapshot,
): OpFacts | undefined {
  if (!wantsHolder(errcode) || (call.kind !== 'member.create' && call.kind !== 'member.update'))
    return undefined;
  const self = call.userid.toLowerCase();
  let facts: OpFacts;
  let holder: CMember | undefined;
  if (errcode === 60102) {
    facts = {};
    holder = snap.members.find((m) => m.userid.toLowerCase() === self);
  } else if (errcode === 60104) {
    const mobile = call.fields.mobile;
    if (!mobile) return undefined;
    facts = { mobile };
    const key = mobileKey(mobile);
    holder = snap.members.find(
      (m) => m.userid.toLowerCase() !== self && m.mobile && mobileKey(m.mobile) === key,
    );
  } else {
    const email = call.fields.email;
    if (!email) return undefined;
    facts = { email };
    const key = email.trim().toLowerCase();
    holder = snap.members.find(
      (m) => m.userid.toLowerCase() !== self && m.email.trim().toLowerCase() === key,
    );
  }
  if (!holder) return facts;
  return {
    ...facts,
    holderUserid: holder.userid,
    holderName: holder.name,
    holderDepartments: deptNames(holder, snap),
  };
}
