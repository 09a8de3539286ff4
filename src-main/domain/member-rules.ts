import { MAX_DIRECT_LEADERS, MAX_MEMBER_DEPTS } from '../contract';
import { issue, type Holder, type RuleIssue } from './issue-codes';

/**
 * WeCom's member rules (API.md §2.2) that involve more than one field or value, as pure checks. The
 * single-field formats (userid, name, mobile, email…) are the contract's schemas, read through
 * schema-issues.ts. Paths are relative to the member's fields ("departments.1.departmentId"), so
 * main prefixes "fields." and the member form takes the first segment as its field.
 */
export interface FieldIssue {
  path: string;
  issue: RuleIssue;
}

/** WeCom compares userids case-insensitively. */
const key = (userid: string): string => userid.toLowerCase();

/**
 * The member's departments: at least one, at most 20 (60110), each once, and the main department one
 * of them. `main` is checked only when given; `nameOf` names departments in the text.
 */
export function checkMemberDepartments(
  ids: readonly number[],
  opts: { main?: number | null; nameOf?: (id: number) => string | undefined } = {},
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const deptName = (id: number) => opts.nameOf?.(id) ?? null;
  if (ids.length === 0) out.push({ path: 'departments', issue: issue('member.deptsEmpty') });
  if (ids.length > MAX_MEMBER_DEPTS)
    out.push({ path: 'departments', issue: issue('member.tooManyDepts', { max: MAX_MEMBER_DEPTS }) });
  const seen = new Set<number>();
  ids.forEach((id, j) => {
    if (seen.has(id))
      out.push({
        path: `departments.${j}.departmentId`,
        issue: issue('member.deptTwice', { departmentId: id, deptName: deptName(id) }),
      });
    seen.add(id);
  });
  const main = opts.main;
  if (main !== undefined && main !== null && ids.length > 0 && !seen.has(main))
    out.push({
      path: 'mainDepartment',
      issue: issue('member.mainDeptNotMember', { departmentId: main, deptName: deptName(main) }),
    });
  return out;
}

/**
 * WeCom needs a mobile or an email to create a member (60129). On an edit it is required only when the
 * edit touches them: removing the last one is refused, while a member imported without either can
 * still have other fields changed.
 */
export function checkMobileOrEmail(
  contact: { mobile: string; email: string },
  required: boolean,
): FieldIssue[] {
  if (!required || contact.mobile.trim() !== '' || contact.email.trim() !== '') return [];
  return [{ path: 'mobile', issue: issue('member.mobileOrEmailRequired') }];
}

/**
 * Direct leaders: at most 5 (60257), not the member, each once, and (when `exists` is given) someone
 * who exists and is not pending deletion.
 */
export function checkDirectLeaders(
  leaders: readonly string[],
  self: string | null,
  exists?: (userid: string) => boolean,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (leaders.length > MAX_DIRECT_LEADERS)
    out.push({
      path: 'directLeader',
      issue: issue('member.directLeaderTooMany', { max: MAX_DIRECT_LEADERS }),
    });
  const selfKey = self === null ? null : key(self);
  const seen = new Set<string>();
  leaders.forEach((u, j) => {
    const path = `directLeader.${j}`;
    const k = key(u);
    if (k === selfKey) out.push({ path, issue: issue('member.directLeaderSelf') });
    else if (seen.has(k)) out.push({ path, issue: issue('member.directLeaderTwice', { userid: u }) });
    else if (exists && !exists(u))
      out.push({ path, issue: issue('member.directLeaderMissing', { userid: u }) });
    seen.add(k);
  });
  return out;
}

/** Someone holding a value that must be unique; `deleted` = pending deletion, still holding it until pushed. */
export type ValueHolder = Holder & { deleted?: boolean };

/**
 * Mobiles (60104) and emails (60106) are unique in the corp. Holders other than `self` block; one
 * pending deletion gets its own advice (push the deletion first).
 */
export function checkContactUnique(
  field: 'mobile' | 'email',
  value: string,
  holders: readonly ValueHolder[],
  self: string | null,
): FieldIssue[] {
  const others = holders.filter((h) => self === null || key(h.userid) !== key(self));
  if (others.length === 0) return [];
  const live = others.filter((h) => !h.deleted).map((h) => ({ name: h.name, userid: h.userid }));
  const first = others[0]!;
  const holder = { name: first.name, userid: first.userid };
  if (field === 'mobile')
    return [
      {
        path: 'mobile',
        issue:
          live.length > 0
            ? issue('member.mobileTaken', { mobile: value, holders: live })
            : issue('member.mobileHeldByDeleted', { mobile: value, holder }),
      },
    ];
  return [
    {
      path: 'email',
      issue:
        live.length > 0
          ? issue('member.emailTaken', { email: value, holders: live })
          : issue('member.emailHeldByDeleted', { email: value, holder }),
    },
  ];
}

/** A new userid must not be held by anyone, a member pending deletion included (60102). */
export function checkUseridFree(
  userid: string,
  holder: { name: string; deleted: boolean } | undefined,
): RuleIssue[] {
  if (!holder) return [];
  const p = { userid, name: holder.name };
  return [holder.deleted ? issue('member.useridHeldByDeleted', p) : issue('member.useridTaken', p)];
}

/** WeCom's bound on a mobile (API.md §2.2: ≤32 characters of digits, + and -). */
export const MOBILE_MAX = 32;
/** A mainland mobile as issued today: 11 digits, 1 then 3–9. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
/** Digits, optionally grouped by single hyphens (WeCom allows "-"; 138-0000-0000 is the same number). */
const DIGIT_GROUPS = /^\d+(?:-\d+)*$/;
/** +<country code> <number>: the one space WeCom's samples show ("+86 13800000000"). */
const INTL_MOBILE = /^\+(\d{1,4}) (.*)$/;

const isMainland = (s: string): boolean => DIGIT_GROUPS.test(s) && MAINLAND_MOBILE.test(s.replace(/-/g, ''));

/**
 * The format of a mobile, as the form, main's validation and the sandbox (60103) check it: a mainland
 * number of 11 digits (1 then 3–9, hyphens between groups allowed), or +<country code> <number> (+86
 * must be followed by a mainland number). Stray spaces are refused, so nothing that WeCom would refuse
 * at push time is staged. '' is "no mobile". The value is checked as given: callers that trim (form,
 * main) pass the trimmed value.
 */
export function checkMobileFormat(mobile: string): RuleIssue[] {
  if (mobile === '') return [];
  if (mobile.length > MOBILE_MAX) return [issue('member.mobileTooLong', { max: MOBILE_MAX })];
  if (/[^0-9+ -]/.test(mobile)) return [issue('member.mobileChars')];
  if (isMainland(mobile)) return [];
  const intl = INTL_MOBILE.exec(mobile);
  if (intl) {
    const country = intl[1]!;
    const number = intl[2]!;
    if (number.includes(' ')) return [issue('member.mobileSpaces')];
    if (country === '86') return isMainland(number) ? [] : [issue('member.mobileFormat')];
    return DIGIT_GROUPS.test(number) && number.replace(/-/g, '').length >= 4
      ? []
      : [issue('member.mobileIntl')];
  }
  if (mobile.includes(' ')) return [issue('member.mobileSpaces')];
  if (mobile.startsWith('+')) return [issue('member.mobileIntl')];
  return [issue('member.mobileFormat')];
}
