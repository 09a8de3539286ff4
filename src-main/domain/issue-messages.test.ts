import { describe, expect, it } from 'vitest';
import type { IssueCode, IssueParams, RuleIssue } from './issue-codes';
import { isIssueCode, issueCodes, issueMessage, issueMessages } from './issue-messages.zh-CN';

const han = /[\u4e00-\u9fff]/;
const zhang = { name: '张三', userid: 'zhangsan' };

/** Parameters for every code: the mapped type makes a new code a compile error here too. */
const samples: { [C in IssueCode]: IssueParams[C] } = {
  'dept.nameEmpty': {},
  'dept.nameTooLong': { max: 64 },
  'dept.nameChars': {},
  'dept.nameTaken': { name: '骨科', parentId: 20, parentName: '临床科室' },
  'dept.nameHeldByDeleted': { name: '骨科', parentId: 20, parentName: null },
  'dept.idTaken': { id: -3 },
  'dept.missing': { role: 'parent', id: 77 },
  'dept.deleted': { role: 'memberDept', name: '骨科' },
  'dept.noneSelected': {},
  'dept.toTopLevel': {},
  'dept.rootMove': { name: '演示医院' },
  'dept.rootDelete': { name: '演示医院' },
  'dept.pinned': { name: '临床科室' },
  'dept.pinnedFirst': {},
  'dept.cycle': { name: '心内科', targetName: '心内一病区' },
  'dept.tooDeep': { name: '心内科', parentName: '层14', depth: 16, max: 15 },
  'dept.hasChildren': { count: 2 },
  'dept.hasMembers': { count: 3 },
  'member.useridEmpty': {},
  'member.useridTooLong': { max: 64 },
  'member.useridChars': {},
  'member.useridTaken': { userid: 'ZhangSan', name: '张三' },
  'member.useridHeldByDeleted': { userid: 'zhangsan', name: '张三' },
  'member.missing': { userid: 'ghost' },
  'member.deleted': { userid: 'wujiu', name: '吴九' },
  'member.nameEmpty': {},
  'member.nameTooLong': { max: 64 },
  'member.aliasTooLong': { max: 64 },
  'member.positionTooLong': { max: 128 },
  'member.mobileTooLong': { max: 32 },
  'member.mobileChars': {},
  'member.mobileFormat': {},
  'member.mobileSpaces': {},
  'member.mobileIntl': {},
  'member.emailInvalid': {},
  'member.telephoneTooLong': { max: 32 },
  'member.telephoneChars': {},
  'member.mobileOrEmailRequired': {},
  'member.mobileTaken': { mobile: '13800000001', holders: [zhang, { name: '李四', userid: 'lisi' }] },
  'member.mobileHeldByDeleted': { mobile: '13800000001', holder: zhang },
  'member.emailTaken': { email: 'a@b.cn', holders: [zhang] },
  'member.emailHeldByDeleted': { email: 'a@b.cn', holder: zhang },
  'member.deptsEmpty': {},
  'member.tooManyDepts': { max: 20 },
  'member.deptTwice': { departmentId: 20, deptName: '心内科' },
  'member.mainDeptNotMember': { departmentId: 20, deptName: null },
  'member.directLeaderTooMany': { max: 5 },
  'member.directLeaderSelf': {},
  'member.directLeaderTwice': { userid: 'boss' },
  'member.directLeaderMissing': { userid: 'ghost' },
  'tag.nameEmpty': {},
  'tag.nameTooLong': { max: 32 },
  'tag.nameTaken': { name: '党员' },
  'tag.nameHeldByDeleted': { name: '党员' },
  'tag.idTaken': { tagid: -1 },
  'tag.missing': { tagid: 9 },
  'tag.deleted': { name: '党员' },
  'tag.emptySelection': {},
  'tag.memberMissing': { userid: 'ghost', adding: true },
  'tag.deptMissing': { departmentId: 999, adding: false },
  'tag.tooManyNodes': { count: 30_001, max: 30_000 },
  'op.unknownType': {},
  'op.fieldMissing': { path: 'fields.mobile' },
  'op.fieldTooBig': { path: 'userids' },
  'op.fieldFormat': { path: 'fields.gender' },
  'op.localIdNotNegative': { entity: 'tag' },
};

const render = (code: IssueCode) => issueMessage({ code, ...samples[code] } as RuleIssue);

describe('issue catalogue', () => {
  /** Parameters whose value the text must quote (ids are quoted only when no name is known). */
  const quoted = ['max', 'count', 'depth', 'name', 'targetName', 'parentName', 'userid', 'mobile', 'email'];

  it.each(issueCodes)('%s renders Chinese with its parameters filled in', (code) => {
    const text = render(code);
    expect(text).toMatch(han);
    expect(text).not.toMatch(/undefined|null|\[object|\$\{/);
    const mustQuote = Object.entries(samples[code]).filter(([k, v]) => quoted.includes(k) && v !== null);
    for (const [, v] of mustQuote) expect(text).toContain(String(v));
  });

  it('has exactly the codes the types declare', () => {
    expect(Object.keys(issueMessages).sort()).toEqual(Object.keys(samples).sort());
    expect(isIssueCode('dept.tooDeep')).toBe(true);
    expect(isIssueCode('部门名称不能为空')).toBe(false);
  });

  it('names the fixes the clerk needs', () => {
    expect(render('dept.tooDeep')).toBe(
      '部门最多 15 级：放到「层14」之下后，「心内科」及其下级部门将达到 16 级。请选择层级更浅的上级部门，或先精简下级部门',
    );
    expect(render('member.mobileTaken')).toContain('张三（zhangsan）、李四（lisi）');
    expect(render('dept.nameHeldByDeleted')).toContain('编号 20 的部门下');
    expect(render('op.fieldMissing')).toBe('手机号未填写或格式不正确，请重新填写');
  });
});
