/**
 * Codes for WeCom's rules (API.md §2) and the hospital's own (fixed top groups), with their parameters.
 * Checks return these, never text: main and the renderer render them with the one catalogue
 * (issue-messages.zh-CN.ts), so a clerk reads the same words in a live hint and in main's refusal.
 * Parameters are plain JSON: they travel in an AppError's details.issues.
 */

/** Which department an existence problem is about; the catalogue names the role. */
export type DeptRole = 'dept' | 'parent' | 'memberDept';
/** Someone who already holds a mobile, email or userid. */
export type Holder = { name: string; userid: string };

type None = Record<never, never>;
type Max = { max: number };

export type IssueParams = {
  // departments
  'dept.nameEmpty': None;
  'dept.nameTooLong': Max;
  'dept.nameChars': None;
  /** Two children of one parent with the same name (60008). */
  'dept.nameTaken': { name: string; parentId: number; parentName: string | null };
  'dept.nameHeldByDeleted': { name: string; parentId: number; parentName: string | null };
  'dept.idTaken': { id: number };
  'dept.missing': { role: DeptRole; id: number };
  'dept.deleted': { role: DeptRole; name: string };
  'dept.noneSelected': None;
  'dept.toTopLevel': None;
  'dept.rootMove': { name: string };
  'dept.rootDelete': { name: string };
  /** The six fixed top groups cannot be renamed, moved, reordered or deleted. */
  'dept.pinned': { name: string };
  'dept.pinnedFirst': None;
  'dept.cycle': { name: string; targetName: string };
  /** depth is 1-based (root = 1), as WeCom counts levels (81002). */
  'dept.tooDeep': { name: string; parentName: string; depth: number; max: number };
  'dept.hasChildren': { count: number };
  'dept.hasMembers': { count: number };
  // members
  'member.useridEmpty': None;
  'member.useridTooLong': Max;
  'member.useridChars': None;
  'member.useridTaken': { userid: string; name: string };
  'member.useridHeldByDeleted': { userid: string; name: string };
  'member.missing': { userid: string };
  'member.deleted': { userid: string; name: string };
  'member.nameEmpty': None;
  'member.nameTooLong': Max;
  'member.aliasTooLong': Max;
  'member.positionTooLong': Max;
  'member.mobileTooLong': Max;
  'member.mobileChars': None;
  /** Not a mainland number (11 digits, 1 then 3–9) nor +<country code> <number> (60103). */
  'member.mobileFormat': None;
  /** A space inside the number; only one, after the country code, is allowed (60103). */
  'member.mobileSpaces': None;
  /** +<country code> written without the space, or with too short a number (60103). */
  'member.mobileIntl': None;
  'member.emailInvalid': None;
  'member.telephoneTooLong': Max;
  'member.telephoneChars': None;
  /** WeCom needs one of them on create (60129); an edit may not remove the last one. */
  'member.mobileOrEmailRequired': None;
  'member.mobileTaken': { mobile: string; holders: Holder[] };
  'member.mobileHeldByDeleted': { mobile: string; holder: Holder };
  'member.emailTaken': { email: string; holders: Holder[] };
  'member.emailHeldByDeleted': { email: string; holder: Holder };
  'member.deptsEmpty': None;
  'member.tooManyDepts': Max;
  'member.deptTwice': { departmentId: number; deptName: string | null };
  'member.mainDeptNotMember': { departmentId: number; deptName: string | null };
  'member.directLeaderTooMany': Max;
  'member.directLeaderSelf': None;
  'member.directLeaderTwice': { userid: string };
  'member.directLeaderMissing': { userid: string };
  // tags
  'tag.nameEmpty': None;
  'tag.nameTooLong': Max;
  'tag.nameTaken': { name: string };
  'tag.nameHeldByDeleted': { name: string };
  'tag.idTaken': { tagid: number };
  'tag.missing': { tagid: number };
  'tag.deleted': { name: string };
  'tag.emptySelection': None;
  'tag.memberMissing': { userid: string; adding: boolean };
  'tag.deptMissing': { departmentId: number; adding: boolean };
  'tag.tooManyNodes': { count: number; max: number };
  // an op whose shape is wrong (a stale or hand-made op): path is the field inside the op
  'op.unknownType': None;
  'op.fieldMissing': { path: string };
  'op.fieldTooBig': { path: string };
  'op.fieldFormat': { path: string };
  'op.localIdNotNegative': { entity: 'department' | 'tag' };
};

export type IssueCode = keyof IssueParams;

/** An issue as checks return it: the code with its parameters inline, e.g. {code:'dept.tooDeep', depth, max}. */
export type RuleIssue = { [C in IssueCode]: { code: C } & IssueParams[C] }[IssueCode];
export type IssueOf<C extends IssueCode> = Extract<RuleIssue, { code: C }>;

/** Builds an issue; the parameters are type-checked against the code. */
export function issue<C extends IssueCode>(
  code: C,
  ...params: None extends IssueParams[C] ? [] : [IssueParams[C]]
): IssueOf<C>;
export function issue<C extends IssueCode>(code: C, params?: IssueParams[C]): IssueOf<C> {
  return { code, ...params } as IssueOf<C>;
}

/** The parameters of an issue without its code, for the wire (details.issues[].params). */
export function paramsOf(i: RuleIssue): Record<string, unknown> {
  const { code: _code, ...params } = i;
  return params;
}
