import { AppError } from '../../contract/errors';
import type { MemberStatus } from '../../contract/org';
import type { OrgRepo, OrgSnapshot, PartialSnapshot, PulledMember } from '../../db/repos/org-repo';
import { textFieldsOf } from '../../domain/member-fields';
import { ROOT_DEPT_ID, asGender } from '../../domain/org-cache';
import { isUserMissing, withDetailsFallback } from '../../wecom/errors';
import { contactsRead, type WxMember } from '../../wecom/endpoints/contacts-read';
import type { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import type { JobContext } from '../jobs/job-runner';
import { namePinyin } from './pinyin';

export interface PullResult {
  snapshot: OrgSnapshot;
  calls: number;
}

/**
 * Pulls departments, then each department's members (user/list per department: fetch_child on the
 * root answers 45029 for large orgs), then tags. If the contacts secret may not read details from
 * this IP (48009), reads go through an app secret instead.
 */
export async function pullOrg(
  http: WecomHttp,
  primary: Credential,
  fallback: Credential | null,
  ctx: JobContext,
  knownPinyin: Map<string, { pinyin: string; initials: string }> = new Map(),
): Promise<PullResult> {
  let calls = 0;
  const check = () => {
    if (ctx.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
  };

  ctx.progress('departments', 0, 1);
  const { value: depts, cred } = await withDetailsFallback(primary, fallback, (c) =>
    contactsRead(http, c).departmentList(),
  );
  const read = () => contactsRead(http, cred);
  calls++;
  ctx.progress('departments', 1, 1);

  const byId = new Map<string, WxMember>();
  let done = 0;
  const total = depts.length;
  ctx.progress('members', 0, total);
  await Promise.all(
    depts.map(async (d) => {
      check();
      const users = await read().userList(d.id, false);
      calls++;
      for (const u of users) if (!byId.has(u.userid.toLowerCase())) byId.set(u.userid.toLowerCase(), u);
      ctx.progress('members', ++done, total);
    }),
  );

  check();
  const tagList = await read().tagList();
  calls++;
  ctx.progress('tags', 0, tagList.length);
  let tagDone = 0;
  const tags = await Promise.all(
    tagList.map(async (t) => {
      check();
      const g = await read().tagGet(t.tagid);
      calls++;
      ctx.progress('tags', ++tagDone, tagList.length);
      return { tagid: t.tagid, tagname: t.tagname, userids: g.userids, departmentIds: g.partylist };
    }),
  );

  const members = [...byId.values()].map((u) => toCacheMember(u, knownPinyin));

  return {
    snapshot: {
      departments: depts.map((d) => ({ ...d })),
      members,
      tags,
    },
    calls,
  };
}

/** A WeCom member in the cache's shape, converting each distinct name to pinyin only once. */
export function toCacheMember(
  u: WxMember,
  knownPinyin: Map<string, { pinyin: string; initials: string }>,
): PulledMember {
  const py = knownPinyin.get(u.name) ?? namePinyin(u.name);
  knownPinyin.set(u.name, py);
  return {
    userid: u.userid,
    ...textFieldsOf(u),
    gender: asGender(u.gender),
    status: u.status as MemberStatus,
    // WeCom reports a disabled member as status 2; enable is how the editing model writes it back.
    enable: u.status !== 2,
    // WeCom leaves main_department out only for a member without departments.
    mainDepartment: u.mainDepartment ?? ROOT_DEPT_ID,
    departments: u.department.map((departmentId, i) => ({
      departmentId,
      order: u.order[i] ?? 0,
      isLeader: (u.isLeaderInDept[i] ?? 0) === 1,
    })),
    directLeader: u.directLeader,
    pinyin: py.pinyin,
    initials: py.initials,
  };
}

/**
 * What a push needs from WeCom: the department tree (one call) and only the members and tags its
 * changes touch, instead of every department's member list. Keeps a push on a 50,000-member corp
 * from spending thousands of calls of the per-minute budget on reads.
 */
export async function pullTouched(
  http: WecomHttp,
  primary: Credential,
  fallback: Credential | null,
  ctx: JobContext,
  touched: { userids: string[]; tagids: number[] },
  knownPinyin: Map<string, { pinyin: string; initials: string }>,
): Promise<PartialSnapshot> {
  const { value: departments, cred } = await withDetailsFallback(primary, fallback, (c) =>
    contactsRead(http, c).departmentList(),
  );
  const read = () => contactsRead(http, cred);
  const total = touched.userids.length + touched.tagids.length;
  let done = 0;
  ctx.progress('pull', done, total);
  const members: OrgSnapshot['members'] = [];
  const missingUserids: string[] = [];
  await Promise.all(
    touched.userids.map(async (userid) => {
      if (ctx.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      try {
        members.push(toCacheMember(await read().userGet(userid), knownPinyin));
      } catch (e) {
        if (!isUserMissing(e)) throw e;
        missingUserids.push(userid);
      }
      ctx.progress('pull', ++done, total);
    }),
  );
  const existing = new Map(
    (touched.tagids.length ? await read().tagList() : []).map((t) => [t.tagid, t.tagname]),
  );
  const tags: OrgSnapshot['tags'] = [];
  const missingTagids: number[] = [];
  for (const tagid of touched.tagids) {
    const name = existing.get(tagid);
    if (name === undefined) missingTagids.push(tagid);
    else {
      const g = await read().tagGet(tagid);
      tags.push({ tagid, tagname: name, userids: g.userids, departmentIds: g.partylist });
    }
    ctx.progress('pull', ++done, total);
  }
  return { departments, members, missingUserids, tags, missingTagids };
}

export async function writeSnapshot(repo: OrgRepo, s: OrgSnapshot, ctx: JobContext): Promise<void> {
  await repo.replaceAll(s, (done, total) => ctx.progress('write', done, total));
}
