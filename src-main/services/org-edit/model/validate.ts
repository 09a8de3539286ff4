import type { z } from 'zod';
import { ChangeOp, MAX_DEPT_DEPTH, type MemberFields } from '../../../contract/org-edit';
import { ROOT_DEPT_ID, uidKey, type CDept, type CMember } from './types';
import type { WorkingCopy } from './working-copy';

/**
 * Checks staged ops before they are accepted: WeCom's own rules (API.md §2) plus the hospital's (fixed
 * top groups), so a clerk learns about a problem while editing and not halfway through a push.
 * Messages are plain Chinese and say how to fix.
 */

export interface Issue {
  opIndex: number;
  /** Dotted path inside the op, e.g. "fields.mobile" or "userids.3"; "" for the op as a whole. */
  path: string;
  message: string;
}

const LABELS: Record<string, string> = {
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
    const l = LABELS[parts.slice(0, n).join('.')];
    if (l) return l;
  }
  return '内容';
}

const HAS_CJK = /[\u4e00-\u9fff]/;
/** Codes that mean "the op has the wrong shape": its semantics cannot be checked, nor can it be applied. */
const STRUCTURAL_CODES = new Set([
  'invalid_type',
  'invalid_union',
  'invalid_value',
  'unrecognized_keys',
  'invalid_key',
]);
/** Identity fields: a wrong value there (e.g. a positive id for a local creation) must not be applied. */
const IDENTITY_FIELDS = new Set(['type', 'id', 'tagid', 'parentid', 'order']);

function zodMessage(zi: z.core.$ZodIssue, path: string): string {
  if (HAS_CJK.test(zi.message)) return zi.message;
  const label = labelOf(path);
  if (zi.code === 'invalid_type') return `${label}未填写或格式不正确，请重新填写`;
  if (zi.code === 'too_big') return `${label}超出了企业微信允许的数量或长度，请分批处理或缩短`;
  if (zi.code === 'too_small' && path === 'id') return '新建部门的编号必须是负数（本地临时编号），请重新新建';
  if (zi.code === 'too_small' && path === 'tagid')
    return '新建标签的编号必须是负数（本地临时编号），请重新新建';
  if (zi.code === 'invalid_union') return '无法识别的修改类型，请刷新后重试';
  return `${label}格式不正确，请重新填写`;
}

function who(m: CMember): string {
  return `${m.name}（${m.userid}）`;
}

/** Collects issues for one op; "hard" ones mean the op must not be applied to the scratch copy. */
class OpCheck {
  readonly issues: Issue[] = [];
  hard = false;
  constructor(private readonly opIndex: number) {}
  add(path: string, message: string, hard = false): void {
    this.issues.push({ opIndex: this.opIndex, path, message });
    if (hard) this.hard = true;
  }
}

/**
 * Validates ops in order, each against the working copy as it would be after the previous ones of the
 * batch (they are applied to wc inside withScratch and rolled back, so wc is unchanged afterwards).
 * An op with a blocking problem (missing entity, cycle, depth) is not applied, so later ops that depend
 * on it report their own problem; format problems (a bad name) do not block, to avoid cascades.
 */
export function validateOps(wc: WorkingCopy, ops: readonly unknown[]): Issue[] {
  const issues: Issue[] = [];
  wc.withScratch((s) => {
    ops.forEach((raw, i) => {
      const c = new OpCheck(i);
      const parsed = ChangeOp.safeParse(raw);
      let op: ChangeOp | null = parsed.success ? parsed.data : null;
      if (!parsed.success) {
        let structural = false;
        for (const zi of parsed.error.issues) {
          const path = zi.path.map(String).join('.');
          const isStructural = STRUCTURAL_CODES.has(zi.code) || IDENTITY_FIELDS.has(String(zi.path[0]));
          if (isStructural) structural = true;
          c.add(path, zodMessage(zi, path), isStructural);
        }
        // Only content problems (length, characters): the shape is right, so keep checking semantics.
        if (!structural) op = raw as ChangeOp;
      }
      if (op) {
        checkOp(s, op, c);
        if (!c.hard) s.apply(op);
      }
      issues.push(...c.issues);
    });
  });
  return issues;
}

function checkOp(s: WorkingCopy, op: ChangeOp, c: OpCheck): void {
  switch (op.type) {
    case 'dept.create':
      return checkDeptCreate(s, op, c);
    case 'dept.update':
      return checkDeptUpdate(s, op, c);
    case 'dept.delete':
      return checkDeptDelete(s, op.id, c);
    case 'member.create':
      return checkMemberCreate(s, op.userid, op.fields, c);
    case 'member.update':
      return checkMemberUpdate(s, op.userid, op.fields, c);
    case 'member.delete': {
      const m = s.member(op.userid);
      if (!m) c.add('userid', missingMember(s, op.userid), true);
      return;
    }
    case 'tag.create': {
      if (s.tag(op.tagid, { includeDeleted: true }))
        c.add('tagid', `标签编号 ${op.tagid} 已被使用，请重新新建标签`, true);
      checkTagName(s, op.tagname, null, c);
      return;
    }
    case 'tag.update': {
      if (!requireTag(s, op.tagid, c)) return;
      checkTagName(s, op.tagname, op.tagid, c);
      return;
    }
    case 'tag.delete':
      requireTag(s, op.tagid, c);
      return;
    case 'tag.addMembers':
    case 'tag.removeMembers':
      return checkTagMembers(s, op, c);
  }
}

// ---------------------------------------------------------------- departments

function deptLabel(s: WorkingCopy, id: number): string {
  const d = s.dept(id, { includeDeleted: true });
  return d ? `「${d.name}」` : `编号 ${id}`;
}

/** Checks the department exists and is not marked deleted; returns it. */
function requireDept(s: WorkingCopy, id: number, path: string, what: string, c: OpCheck): CDept | null {
  const d = s.dept(id, { includeDeleted: true });
  if (!d) {
    c.add(path, `${what}（编号 ${id}）不存在，可能已在企业微信中删除，请同步通讯录后重新选择`, true);
    return null;
  }
  if (s.isDeleted('department', id)) {
    c.add(path, `${what}「${d.name}」已标记删除，请先撤销删除，或另选一个部门`, true);
    return null;
  }
  return d;
}

/** WeCom refuses two children of one parent with the same name (60008), case-sensitively. */
function checkSiblingName(
  s: WorkingCopy,
  parentid: number,
  name: string,
  selfId: number,
  path: string,
  c: OpCheck,
): void {
  const clash = s
    .children(parentid, { includeDeleted: true })
    .find((x) => x.id !== selfId && x.name === name);
  if (!clash) return;
  const parent = deptLabel(s, parentid);
  if (s.isDeleted('department', clash.id))
    c.add(path, `${parent}下有一个同名的待删除部门「${name}」，请先推送删除后再使用这个名称，或换一个名称`);
  else c.add(path, `${parent}下已有名为「${name}」的部门，同级部门不能重名，请换一个名称`);
}

function checkDeptCreate(s: WorkingCopy, op: Extract<ChangeOp, { type: 'dept.create' }>, c: OpCheck): void {
  if (s.dept(op.id, { includeDeleted: true }))
    c.add('id', `部门编号 ${op.id} 已被使用，请重新新建部门`, true);
  const parent = requireDept(s, op.parentid, 'parentid', '上级部门', c);
  if (!parent) return;
  if (s.depth(op.parentid) + 1 > MAX_DEPT_DEPTH)
    c.add(
      'parentid',
      `部门最多 ${MAX_DEPT_DEPTH} 级，「${parent.name}」已在第 ${s.depth(op.parentid)} 级，不能再建下级部门，请选择层级更浅的上级部门`,
      true,
    );
  checkSiblingName(s, op.parentid, op.name.trim(), op.id, 'name', c);
}

function pinnedMessage(name: string): string {
  return `「${name}」是固定的顶级分组，不能重命名、移动、调整排序或删除`;
}

function checkDeptUpdate(s: WorkingCopy, op: Extract<ChangeOp, { type: 'dept.update' }>, c: OpCheck): void {
  const d = requireDept(s, op.id, 'id', '部门', c);
  if (!d) return;
  const name = op.name === undefined ? d.name : op.name.trim();
  const parentid = op.parentid ?? d.parentid;
  const moved = parentid !== d.parentid;
  if (op.id === ROOT_DEPT_ID && moved) {
    c.add('parentid', '根部门不能移动', true);
    return;
  }
  if (s.pinnedRank(op.id) !== null) {
    const path =
      name !== d.name
        ? 'name'
        : moved
          ? 'parentid'
          : op.order !== undefined && op.order !== d.order
            ? 'order'
            : null;
    if (path) {
      c.add(path, pinnedMessage(d.name), true);
      return;
    }
  }
  if (moved) {
    const target = requireDept(s, parentid, 'parentid', '目标上级部门', c);
    if (!target) return;
    if (parentid === op.id || s.isAncestor(op.id, parentid)) {
      c.add(
        'parentid',
        `不能把部门移到它自己或它的下级部门之下：「${target.name}」就在「${d.name}」里面，请另选上级部门`,
        true,
      );
      return;
    }
    const depth = s.depth(parentid) + s.subtreeHeight(op.id);
    if (depth > MAX_DEPT_DEPTH) {
      c.add(
        'parentid',
        `移到「${target.name}」之下后，「${d.name}」及其下级部门将达到 ${depth} 级，超过企业微信上限 ${MAX_DEPT_DEPTH} 级；请选择层级更浅的上级部门，或先精简下级部门`,
        true,
      );
      return;
    }
  }
  if (moved || name !== d.name)
    checkSiblingName(s, parentid, name, op.id, op.name !== undefined ? 'name' : 'parentid', c);
}

function checkDeptDelete(s: WorkingCopy, id: number, c: OpCheck): void {
  if (id === ROOT_DEPT_ID) {
    c.add('id', '根部门不能删除', true);
    return;
  }
  const d = requireDept(s, id, 'id', '部门', c);
  if (!d) return;
  if (s.pinnedRank(id) !== null) {
    c.add('id', pinnedMessage(d.name), true);
    return;
  }
  const subs = s.childCount(id);
  if (subs > 0) c.add('id', `该部门还有 ${subs} 个下级部门，请先移走或删除下级部门`, true);
  const members = s.memberCount(id);
  if (members > 0) c.add('id', `该部门还有 ${members} 名成员，请先移走或删除成员`, true);
}

// ---------------------------------------------------------------- members

function missingMember(s: WorkingCopy, userid: string): string {
  const gone = s.member(userid, { includeDeleted: true });
  if (gone) return `成员 ${who(gone)}已标记删除，不能再修改；如需保留请先撤销删除`;
  return `成员 ${userid} 不存在，可能已在企业微信中删除，请同步通讯录后再试`;
}

/** A unique identifier (mobile, email) held by someone else, including members pending deletion. */
function checkUnique(
  holders: CMember[],
  selfKey: string,
  s: WorkingCopy,
  what: string,
  value: string,
  path: string,
  c: OpCheck,
): void {
  const other = holders.find((m) => uidKey(m.userid) !== selfKey);
  if (!other) return;
  if (s.isDeleted('member', other.userid))
    c.add(path, `${what} ${value} 属于待删除的成员 ${who(other)}，请先推送删除后再使用`);
  else c.add(path, `${what} ${value} 已被 ${who(other)}使用，同一企业内不能重复，请核对后重新填写`);
}

/** Checks fields being set (f) given the member's resulting state (final). */
function checkMemberFields(
  s: WorkingCopy,
  selfKey: string,
  f: Partial<MemberFields>,
  final: MemberFields,
  c: OpCheck,
): void {
  if (f.mobile !== undefined && f.mobile.trim() !== '')
    checkUnique(
      s.membersByMobile(f.mobile.trim(), { includeDeleted: true }),
      selfKey,
      s,
      '手机号',
      f.mobile.trim(),
      'fields.mobile',
      c,
    );
  if (f.email !== undefined && f.email.trim() !== '')
    checkUnique(
      s.membersByEmail(f.email.trim(), { includeDeleted: true }),
      selfKey,
      s,
      '邮箱',
      f.email.trim(),
      'fields.email',
      c,
    );
  if (
    (f.mobile !== undefined || f.email !== undefined) &&
    final.mobile.trim() === '' &&
    final.email.trim() === ''
  )
    c.add('fields.mobile', '手机号和邮箱至少填写一项');
  if (f.departments !== undefined) {
    const seen = new Set<number>();
    f.departments.forEach((l, j) => {
      const path = `fields.departments.${j}.departmentId`;
      if (seen.has(l.departmentId))
        c.add(path, `同一个部门只能加入一次：${deptLabel(s, l.departmentId)}重复了，请去掉重复的部门`);
      seen.add(l.departmentId);
      requireDept(s, l.departmentId, path, '所属部门', c);
    });
  }
  if ((f.departments !== undefined || f.mainDepartment !== undefined) && final.departments.length > 0) {
    if (!final.departments.some((l) => l.departmentId === final.mainDepartment))
      c.add(
        'fields.mainDepartment',
        `主部门${deptLabel(s, final.mainDepartment)}不在该成员的所属部门中，请从所属部门里选择主部门`,
      );
  }
  if (f.directLeader !== undefined) {
    const seen = new Set<string>();
    f.directLeader.forEach((u, j) => {
      const path = `fields.directLeader.${j}`;
      const k = uidKey(u);
      if (k === selfKey) c.add(path, '不能把成员自己设为直属上级');
      else if (seen.has(k)) c.add(path, `直属上级 ${u} 重复了，请去掉重复的人`);
      else if (!s.member(u)) c.add(path, `直属上级 ${u} 不存在或已标记删除，请重新选择`);
      seen.add(k);
    });
  }
}

function checkMemberCreate(s: WorkingCopy, userid: string, f: MemberFields, c: OpCheck): void {
  const existing = s.member(userid, { includeDeleted: true });
  if (existing) {
    if (s.isDeleted('member', userid))
      c.add(
        'userid',
        `账号 ${userid} 属于待删除的成员 ${existing.name}，请先推送删除后再新建，或换一个账号`,
        true,
      );
    else c.add('userid', `账号 ${userid} 已被 ${existing.name} 使用（账号不区分大小写），请换一个账号`, true);
  }
  checkMemberFields(s, uidKey(userid), f, f, c);
}

function checkMemberUpdate(s: WorkingCopy, userid: string, f: Partial<MemberFields>, c: OpCheck): void {
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
  checkMemberFields(s, uidKey(userid), f, final, c);
}

// ---------------------------------------------------------------- tags

/** Max users + departments in one tag (81003). */
const MAX_TAG_NODES = 30_000;

function requireTag(s: WorkingCopy, tagid: number, c: OpCheck): boolean {
  const t = s.tag(tagid, { includeDeleted: true });
  if (!t) {
    c.add('tagid', `标签（编号 ${tagid}）不存在，可能已在企业微信中删除，请同步通讯录后再试`, true);
    return false;
  }
  if (s.isDeleted('tag', tagid)) {
    c.add('tagid', `标签「${t.tagname}」已标记删除，请先撤销删除`, true);
    return false;
  }
  return true;
}

/** Tag names are unique in the corp (40071); a tag pending deletion still holds its name until pushed. */
function checkTagName(s: WorkingCopy, tagname: string, selfId: number | null, c: OpCheck): void {
  const name = tagname.trim();
  const clash = s.tagsByName(name, { includeDeleted: true }).find((t) => t.tagid !== selfId);
  if (!clash) return;
  if (s.isDeleted('tag', clash.tagid))
    c.add('tagname', `标签「${name}」待删除，请先推送删除后再使用这个名称，或换一个名称`);
  else c.add('tagname', `标签「${name}」已存在，标签名不能重复，请换一个名称`);
}

function checkTagMembers(
  s: WorkingCopy,
  op: Extract<ChangeOp, { type: 'tag.addMembers' | 'tag.removeMembers' }>,
  c: OpCheck,
): void {
  if (!requireTag(s, op.tagid, c)) return;
  const adding = op.type === 'tag.addMembers';
  if (op.userids.length === 0 && op.departmentIds.length === 0) {
    c.add('', '请至少选择一名成员或一个部门', true);
    return;
  }
  op.userids.forEach((u, j) => {
    // Removing someone pending deletion is harmless; adding them is not.
    if (!s.member(u, { includeDeleted: !adding }))
      c.add(`userids.${j}`, `成员 ${u} 不存在${adding ? '或已标记删除' : ''}，请从名单中去掉`, true);
  });
  op.departmentIds.forEach((d, j) => {
    if (!s.dept(d, { includeDeleted: !adding }))
      c.add(
        `departmentIds.${j}`,
        `部门（编号 ${d}）不存在${adding ? '或已标记删除' : ''}，请从名单中去掉`,
        true,
      );
  });
  if (adding) {
    const t = s.tag(op.tagid)!;
    const users = new Set(t.userids.map(uidKey));
    for (const u of op.userids) users.add(uidKey(u));
    const depts = new Set([...t.departmentIds, ...op.departmentIds]);
    if (users.size + depts.size > MAX_TAG_NODES)
      c.add(
        '',
        `一个标签最多包含 ${MAX_TAG_NODES} 个成员和部门，添加后将有 ${users.size + depts.size} 个，请减少后再试`,
        true,
      );
  }
}
