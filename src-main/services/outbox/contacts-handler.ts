import type { CallOf, ContactsCall } from '../../contract/outbox';
import { contactsRead, type WxMember } from '../../wecom/endpoints/contacts-read';
import { sendContactsCall } from '../../wecom/endpoints/contacts-write';
import { isAlreadyExists, isNotFound, isUserMissing } from '../../wecom/errors';
import type { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import type { OutboxHandler, Reconciled } from './handler';

/** For a call already sent once, the refusals that mean our earlier call took effect. */
const ALREADY: Partial<Record<ContactsCall['kind'], (e: unknown) => boolean>> = {
  'dept.create': (e) => isAlreadyExists(e, 'department'),
  'member.create': (e) => isAlreadyExists(e, 'user'),
  'tag.create': (e) => isAlreadyExists(e, 'tag'),
  'dept.delete': (e) => isNotFound(e, 'department'),
  'member.delete': (e) => isNotFound(e, 'user'),
  'tag.delete': (e) => isNotFound(e, 'tag'),
};

const NOT_APPLIED: Reconciled = { applied: false };
const APPLIED: Reconciled = { applied: true, remoteId: null };

/** 通讯录 writes: sent through wecom/, reconciled by reading the department, member or tag back. */
export function contactsHandler(http: WecomHttp, cred: Credential): OutboxHandler<ContactsCall> {
  const read = contactsRead(http, cred);
  const userOrNull = async (userid: string): Promise<WxMember | null> => {
    try {
      return await read.userGet(userid);
    } catch (e) {
      if (isUserMissing(e)) return null;
      throw e;
    }
  };
  const deptOrNull = async (id: number) => {
    const all = await read.departmentSimpleList();
    return all.find((d) => d.id === id) ?? null;
  };

  const reconcile = async (call: ContactsCall): Promise<Reconciled> => {
    switch (call.kind) {
      case 'dept.create': {
        const kids = await read.departmentList(call.parentId);
        const hit = kids.find((d) => d.parentid === call.parentId && d.name === call.name);
        return hit ? { applied: true, remoteId: hit.id } : NOT_APPLIED;
      }
      case 'dept.update': {
        const d = (await read.departmentList(call.id)).find((x) => x.id === call.id);
        if (!d) return NOT_APPLIED;
        const same =
          (call.name === undefined || d.name === call.name) &&
          (call.parentId === undefined || d.parentid === call.parentId) &&
          (call.order === undefined || d.order === call.order);
        return same ? APPLIED : NOT_APPLIED;
      }
      case 'dept.delete':
        return (await deptOrNull(call.id)) ? NOT_APPLIED : APPLIED;
      case 'member.create':
        return (await userOrNull(call.userid)) ? APPLIED : NOT_APPLIED;
      case 'member.update': {
        const u = await userOrNull(call.userid);
        return u && memberMatches(u, call) ? APPLIED : NOT_APPLIED;
      }
      case 'member.delete':
        return (await userOrNull(call.userid)) ? NOT_APPLIED : APPLIED;
      case 'tag.create': {
        const hit = (await read.tagList()).find((t) => t.tagname === call.name);
        return hit ? { applied: true, remoteId: hit.tagid } : NOT_APPLIED;
      }
      case 'tag.update': {
        const t = (await read.tagList()).find((x) => x.tagid === call.tagid);
        return t?.tagname === call.name ? APPLIED : NOT_APPLIED;
      }
      case 'tag.delete':
        return (await read.tagList()).some((t) => t.tagid === call.tagid) ? NOT_APPLIED : APPLIED;
      case 'tag.addMembers':
      case 'tag.removeMembers': {
        const t = await read.tagGet(call.tagid);
        const users = new Set(t.userids.map((u) => u.toLowerCase()));
        const parties = new Set(t.partylist);
        const want = call.kind === 'tag.addMembers';
        const ok =
          call.userids.every((u) => users.has(u.toLowerCase()) === want) &&
          call.departmentIds.every((d) => parties.has(d) === want);
        return ok ? APPLIED : NOT_APPLIED;
      }
      case 'member.invite':
        // WeCom keeps no readable record of invitations. Re-sending would invite twice, so an invite
        // whose reply was lost counts as sent, and says so.
        return { applied: true, remoteId: null, note: '邀请可能已发送（企业微信未返回结果，未重复发送）' };
    }
  };

  return {
    family: 'contacts-write',
    send: (call) => sendContactsCall(http, cred, call),
    reconcile,
    meansApplied: (call, e) => ALREADY[call.kind]?.(e) ?? false,
  };
}

/** Whether a member read back from WeCom already holds every field an update sets. */
function memberMatches(u: WxMember, call: CallOf<'member.update'>): boolean {
  const f = call.fields;
  const scalars = ['name', 'alias', 'position', 'mobile', 'email', 'telephone', 'gender'] as const;
  for (const k of scalars) if (f[k] !== undefined && u[k] !== f[k]) return false;
  if (f.enable !== undefined && (u.status === 2) === f.enable) return false;
  if (f.mainDepartment !== undefined && u.mainDepartment !== f.mainDepartment) return false;
  if (f.directLeader !== undefined) {
    const a = [...f.directLeader].map((x) => x.toLowerCase()).sort();
    const b = [...u.directLeader].map((x) => x.toLowerCase()).sort();
    if (a.join('\n') !== b.join('\n')) return false;
  }
  if (f.departments !== undefined) {
    if (f.departments.length !== u.department.length) return false;
    for (const l of f.departments) {
      const i = u.department.indexOf(l.departmentId);
      if (i < 0) return false;
      if ((u.isLeaderInDept[i] ?? 0) !== (l.isLeader ? 1 : 0)) return false;
    }
  }
  return true;
}
