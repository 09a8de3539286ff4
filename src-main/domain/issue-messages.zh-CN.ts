import type { DeptRole, Holder, IssueCode, IssueParams, RuleIssue } from './issue-codes';

/**
 * The Chinese for every rule issue, used by main (refusals in details.issues) and the renderer (live
 * hints), so both say the same thing. Each text says what is wrong and how to fix it. The mapped type
 * makes a new code a compile error here until it has its words.
 */

const ROLE: Record<DeptRole, string> = { dept: '部门', parent: '上级部门', memberDept: '所属部门' };

const deptRef = (name: string | null, id: number): string =>
  name !== null ? `「${name}」` : `编号 ${id} 的部门`;
const who = (h: Holder): string => `${h.name}（${h.userid}）`;
const whoAll = (hs: readonly Holder[]): string => hs.map(who).join('、');

/** Field names inside an op, for the generic "wrong shape" texts; the longest known prefix wins. */
const FIELD_LABELS: Record<string, string> = {
  type: '操作类型',
  id: '部门编号',
  name: '名称',
  parentid: '上级部门',
  order: '排序',
  userid: '账号',
  tagid: '标签编号',
  tagname: '标签名',
  userids: '成员',
  departmentIds: '部门',
  'fields.name': '姓名',
  'fields.alias': '别名',
  'fields.mobile': '手机号',
  'fields.email': '邮箱',
  'fields.telephone': '座机',
  'fields.position': '职务',
  'fields.gender': '性别',
  'fields.departments': '所属部门',
  'fields.mainDepartment': '主部门',
  'fields.directLeader': '直属上级',
  'fields.enable': '启用状态',
};

function labelOf(path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const l = FIELD_LABELS[parts.slice(0, n).join('.')];
    if (l) return l;
  }
  return '内容';
}

export const issueMessages: { [C in IssueCode]: (p: IssueParams[C]) => string } = {
  'dept.nameEmpty': () => '部门名称不能为空',
  'dept.nameTooLong': (p) => `部门名称最多 ${p.max} 个字`,
  'dept.nameChars': () => '部门名称不能包含 \\ : * ? " < > | 这些字符',
  'dept.nameTaken': (p) =>
    `${deptRef(p.parentName, p.parentId)}下已有名为「${p.name}」的部门，同级部门不能重名，请换一个名称`,
  'dept.nameHeldByDeleted': (p) =>
    `${deptRef(p.parentName, p.parentId)}下有一个同名的待删除部门「${p.name}」，请先推送删除后再使用这个名称，或换一个名称`,
  'dept.idTaken': (p) => `部门编号 ${p.id} 已被使用，请重新新建部门`,
  'dept.missing': (p) =>
    `${ROLE[p.role]}（编号 ${p.id}）不存在，可能已在企业微信中删除，请同步通讯录后重新选择`,
  'dept.deleted': (p) => `${ROLE[p.role]}「${p.name}」已标记删除，请先撤销删除，或另选一个部门`,
  'dept.noneSelected': () => '没有选择部门',
  'dept.toTopLevel': () => '不能移动到最顶层，请放到某个部门下面',
  'dept.rootMove': (p) => `「${p.name}」是根部门，不能移动`,
  'dept.rootDelete': (p) => `「${p.name}」是根部门，不能删除`,
  'dept.pinned': (p) => `「${p.name}」是固定的顶级分组，不能重命名、移动、调整排序或删除`,
  'dept.pinnedFirst': () => '固定的顶级分组必须排在最前面，不能插到它们之间',
  'dept.cycle': (p) =>
    p.targetName === p.name
      ? `不能把「${p.name}」移到它自己之下，请另选上级部门`
      : `不能把「${p.name}」移到它的下级部门「${p.targetName}」之下，请另选上级部门`,
  'dept.tooDeep': (p) =>
    `部门最多 ${p.max} 级：放到「${p.parentName}」之下后，「${p.name}」及其下级部门将达到 ${p.depth} 级。请选择层级更浅的上级部门，或先精简下级部门`,
  'dept.hasChildren': (p) => `该部门还有 ${p.count} 个下级部门，请先移走或删除下级部门`,
  'dept.hasMembers': (p) => `该部门还有 ${p.count} 名成员，请先移走或删除成员`,

  'member.useridEmpty': () => '请填写账号',
  'member.useridTooLong': (p) => `账号最多 ${p.max} 个字节`,
  'member.useridChars': () => '账号只能包含字母、数字和 _ - @ .，且以字母或数字开头',
  'member.useridTaken': (p) => `账号 ${p.userid} 已被 ${p.name} 使用（账号不区分大小写），请换一个账号`,
  'member.useridHeldByDeleted': (p) =>
    `账号 ${p.userid} 属于待删除的成员 ${p.name}，请先推送删除后再新建，或换一个账号`,
  'member.missing': (p) => `成员 ${p.userid} 不存在，可能已在企业微信中删除，请同步通讯录后再试`,
  'member.deleted': (p) =>
    `成员 ${who({ name: p.name, userid: p.userid })}已标记删除，不能再修改；如需保留请先撤销删除`,
  'member.nameEmpty': () => '请填写姓名',
  'member.nameTooLong': (p) => `姓名最多 ${p.max} 个字`,
  'member.aliasTooLong': (p) => `别名最多 ${p.max} 个字`,
  'member.positionTooLong': (p) => `职务最多 ${p.max} 个字`,
  'member.mobileTooLong': (p) => `手机号最多 ${p.max} 位`,
  'member.mobileChars': () => '手机号只能包含数字、+ 和 -',
  'member.mobileFormat': () =>
    '请输入 11 位手机号（以 1 开头，第二位是 3–9，如 13800000000）；境外号码请写成「+国家码 号码」，如 +852 91234567',
  'member.mobileSpaces': () =>
    '手机号中间不能有空格，请删去空格；境外号码只在国家码后留一个空格，如 +852 91234567',
  'member.mobileIntl': () =>
    '境外号码请写成「+国家码 号码」，国家码后留一个空格，如 +852 91234567；中国大陆手机号直接填 11 位',
  'member.emailInvalid': () => '邮箱格式不正确',
  'member.telephoneTooLong': (p) => `座机最多 ${p.max} 位`,
  'member.telephoneChars': () => '座机只能包含数字、+、- 和 ,',
  'member.mobileOrEmailRequired': () => '手机号和邮箱至少填写一项（企业微信要求）',
  'member.mobileTaken': (p) =>
    `手机号 ${p.mobile} 已被 ${whoAll(p.holders)}使用，同一企业内不能重复，请核对后重新填写`,
  'member.mobileHeldByDeleted': (p) =>
    `手机号 ${p.mobile} 属于待删除的成员 ${who(p.holder)}，请先推送删除后再使用`,
  'member.emailTaken': (p) =>
    `邮箱 ${p.email} 已被 ${whoAll(p.holders)}使用，同一企业内不能重复，请核对后重新填写`,
  'member.emailHeldByDeleted': (p) =>
    `邮箱 ${p.email} 属于待删除的成员 ${who(p.holder)}，请先推送删除后再使用`,
  'member.deptsEmpty': () => '至少选择一个部门',
  'member.tooManyDepts': (p) => `一名成员最多属于 ${p.max} 个部门`,
  'member.deptTwice': (p) =>
    `同一个部门只能加入一次：${deptRef(p.deptName, p.departmentId)}重复了，请去掉重复的部门`,
  'member.mainDeptNotMember': (p) =>
    `主部门${deptRef(p.deptName, p.departmentId)}不在该成员的所属部门中，请从所属部门里选择主部门`,
  'member.directLeaderTooMany': (p) => `直属上级最多 ${p.max} 人`,
  'member.directLeaderSelf': () => '不能把成员自己设为直属上级',
  'member.directLeaderTwice': (p) => `直属上级 ${p.userid} 重复了，请去掉重复的人`,
  'member.directLeaderMissing': (p) => `直属上级 ${p.userid} 不存在或已标记删除，请重新选择`,

  'tag.nameEmpty': () => '标签名不能为空',
  'tag.nameTooLong': (p) => `标签名最多 ${p.max} 个字`,
  'tag.nameTaken': (p) => `标签「${p.name}」已存在，标签名不能重复，请换一个名称`,
  'tag.nameHeldByDeleted': (p) => `标签「${p.name}」待删除，请先推送删除后再使用这个名称，或换一个名称`,
  'tag.idTaken': (p) => `标签编号 ${p.tagid} 已被使用，请重新新建标签`,
  'tag.missing': (p) => `标签（编号 ${p.tagid}）不存在，可能已在企业微信中删除，请同步通讯录后再试`,
  'tag.deleted': (p) => `标签「${p.name}」已标记删除，请先撤销删除`,
  'tag.emptySelection': () => '请至少选择一名成员或一个部门',
  'tag.memberMissing': (p) => `成员 ${p.userid} 不存在${p.adding ? '或已标记删除' : ''}，请从名单中去掉`,
  'tag.deptMissing': (p) =>
    `部门（编号 ${p.departmentId}）不存在${p.adding ? '或已标记删除' : ''}，请从名单中去掉`,
  'tag.tooManyNodes': (p) => `一个标签最多包含 ${p.max} 个成员和部门，添加后将有 ${p.count} 个，请减少后再试`,

  'op.unknownType': () => '无法识别的修改类型，请刷新后重试',
  'op.fieldMissing': (p) => `${labelOf(p.path)}未填写或格式不正确，请重新填写`,
  'op.fieldTooBig': (p) => `${labelOf(p.path)}超出了企业微信允许的数量或长度，请分批处理或缩短`,
  'op.fieldFormat': (p) => `${labelOf(p.path)}格式不正确，请重新填写`,
  'op.localIdNotNegative': (p) =>
    `新建${p.entity === 'tag' ? '标签' : '部门'}的编号必须是负数（本地临时编号），请重新新建`,
};

/** Every code, for exhaustive tests and for recognising a code inside a schema message. */
export const issueCodes = Object.keys(issueMessages) as IssueCode[];
const codeSet: ReadonlySet<string> = new Set(issueCodes);
export const isIssueCode = (s: unknown): s is IssueCode => typeof s === 'string' && codeSet.has(s);

/** The Chinese for one issue. */
export function issueMessage(i: RuleIssue): string {
  const render = issueMessages[i.code] as (p: RuleIssue) => string;
  return render(i);
}
