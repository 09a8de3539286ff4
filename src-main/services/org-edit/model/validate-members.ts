import type { MemberFields } from '../../../contract/org-edit';
import { issue, type RuleIssue } from '../../../domain/issue-codes';
import {
  checkContactUnique,
  checkDirectLeaders,
  checkMemberDepartments,
  checkMobileFormat,
  checkMobileOrEmail,
  checkUseridFree,
} from '../../../domain/member-rules';
import type { CMember } from './types';
import type { OpCheck } from './validate-check';
import { requireDept } from './validate-depts';
import type { WorkingCopy } from './working-copy';

/**
 * Member ops against the working copy. The rules are the domain's (member-rules.ts), the same the
 * member form runs; this file supplies who holds what and which departments exist.
 */

export function missingMember(s: WorkingCopy, userid: string): RuleIssue {
  const gone = s.member(userid, { includeDeleted: true });
  if (gone) return issue('member.deleted', { userid: gone.userid, name: gone.name });
  return issue('member.missing', { userid });
}

const holdersOf = (s: WorkingCopy, members: CMember[]) =>
  members.map((m) => ({ name: m.name, userid: m.userid, deleted: s.isDeleted('member', m.userid) }));

/** Checks the fields being set (f) given the member's resulting state (final). */
function checkMemberFields(
  s: WorkingCopy,
  userid: string,
  f: Partial<MemberFields>,
  final: MemberFields,
  creating: boolean,
  c: OpCheck,
): void {
  const mobile = f.mobile?.trim() ?? '';
  if (mobile !== '') {
    c.addAll('fields.mobile', checkMobileFormat(mobile));
    const holders = holdersOf(s, s.membersByMobile(mobile, { includeDeleted: true }));
    c.addFields(checkContactUnique('mobile', mobile, holders, userid));
  }
  const email = f.email?.trim() ?? '';
  if (email !== '') {
    const holders = holdersOf(s, s.membersByEmail(email, { includeDeleted: true }));
    c.addFields(checkContactUnique('email', email, holders, userid));
  }
  const touchedContact = f.mobile !== undefined || f.email !== undefined;
  c.addFields(checkMobileOrEmail(final, creating || touchedContact));

  if (f.departments !== undefined || f.mainDepartment !== undefined) {
    const ids = final.departments.map((l) => l.departmentId);
    const nameOf = (id: number) => s.dept(id, { includeDeleted: true })?.name;
    const found = checkMemberDepartments(ids, { main: final.mainDepartment, nameOf });
    // Only a new department list is re-checked as a list; a new main department only against it.
    c.addFields(f.departments !== undefined ? found : found.filter((x) => x.path === 'mainDepartment'));
  }
  f.departments?.forEach((l, j) => {
    requireDept(s, l.departmentId, `fields.departments.${j}.departmentId`, 'memberDept', c, false);
  });
  if (f.directLeader !== undefined)
    c.addFields(checkDirectLeaders(f.directLeader, userid, (u) => s.member(u) !== undefined));
}

export function checkMemberCreate(s: WorkingCopy, userid: string, f: MemberFields, c: OpCheck): void {
  const existing = s.member(userid, { includeDeleted: true });
  const holder = existing && { name: existing.name, deleted: s.isDeleted('member', userid) };
  c.addAll('userid', checkUseridFree(userid, holder), true);
  checkMemberFields(s, userid, f, f, true, c);
}

export function checkMemberUpdate(
  s: WorkingCopy,
  userid: string,
  f: Partial<MemberFields>,
  c: OpCheck,
): void {
  const m = s.member(userid);
  if (!m) {
    c.add('userid', missingMember(s, userid), true);
    return;
  }
  const final: MemberFields = {
    name: f.name ?? m.name,
    alias: f.alias ?? m.alias,
    mobile: f.mobile ?? m.mobile,
    email: f.email ?? m.email,
    telephone: f.telephone ?? m.telephone,
    position: f.position ?? m.position,
    gender: f.gender ?? m.gender,
    departments: f.departments ?? m.departments,
    mainDepartment: f.mainDepartment ?? m.mainDepartment,
    directLeader: f.directLeader ?? m.directLeader,
    enable: f.enable ?? m.enable,
  };
  checkMemberFields(s, userid, f, final, false, c);
}
