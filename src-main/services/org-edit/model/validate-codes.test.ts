import { describe, expect, it } from 'vitest';
import type { MemberFields } from '../../../contract/org-edit';
import { hospital } from './test-fixtures';
import { validateOps, wireIssues } from './validate';
import { WorkingCopy } from './working-copy';

const check = (ops: unknown[]) => validateOps(WorkingCopy.build(hospital()), ops);
const codes = (ops: unknown[]) => check(ops).map((i) => `${i.path} ${i.code}`);

const fields = (over: Partial<MemberFields> = {}): MemberFields => ({
  name: '新人',
  alias: '',
  mobile: '13900000009',
  email: '',
  telephone: '',
  position: '',
  gender: '0',
  departments: [{ departmentId: 202, order: 0, isLeader: false }],
  mainDepartment: 202,
  directLeader: [],
  enable: true,
  ...over,
});

describe('validateOps — codes and parameters', () => {
  it('wrong shapes get the op.* codes', () => {
    expect(codes([{ type: 'dept.nuke', id: 3 }])).toEqual(['type op.unknownType']);
    expect(codes([{ type: 'dept.create', id: 5, name: 'x', parentid: 20, order: 0 }])).toEqual([
      'id op.localIdNotNegative',
    ]);
    expect(codes([{ type: 'tag.create', tagid: 5, tagname: 'x' }])).toEqual(['tagid op.localIdNotNegative']);
    expect(codes([{ type: 'member.update', userid: 'lisi', fields: { mobile: 5 } }])).toEqual([
      'fields.mobile op.fieldMissing',
    ]);
    expect(check([{ type: 'member.update', userid: 'lisi', fields: { mobile: 5 } }])[0]!.message).toBe(
      '手机号未填写或格式不正确，请重新填写',
    );
  });

  it('a limit seen by the schema and by the rule is reported once', () => {
    const link = (d: number) => ({ departmentId: d, order: 0, isLeader: false });
    const many = Array.from({ length: 21 }, (_, i) => link(i === 0 ? 202 : 1000 + i));
    const issues = check([{ type: 'member.create', userid: 'x', fields: fields({ departments: many }) }]);
    expect(issues.filter((i) => i.code === 'member.tooManyDepts')).toEqual([
      expect.objectContaining({ path: 'fields.departments', params: { max: 20 } }),
    ]);
    const leaders = ['zhangsan', 'lisi', 'wangwu', 'zhaoliu', 'sunqi', 'zhouba'];
    const l = check([{ type: 'member.create', userid: 'x', fields: fields({ directLeader: leaders }) }]);
    expect(l.map((i) => i.code)).toEqual(['member.directLeaderTooMany']);
  });

  it('mobile or email: required on create, and on an edit only when it removes the last one', () => {
    expect(codes([{ type: 'member.update', userid: 'lisi', fields: { mobile: '', email: '' } }])).toEqual([
      'fields.mobile member.mobileOrEmailRequired',
    ]);
    // A member without either can still get a new position.
    const s = hospital();
    const lisi = s.members.find((m) => m.userid === 'lisi')!;
    Object.assign(lisi, { mobile: '', email: '' });
    const wc = WorkingCopy.build(s);
    expect(
      validateOps(wc, [{ type: 'member.update', userid: 'lisi', fields: { position: '主任' } }]),
    ).toEqual([]);
  });

  it('travels as details.issues with the op index in the path', () => {
    const issues = check([
      { type: 'dept.delete', id: 203 },
      { type: 'member.create', userid: 'x', fields: fields({ mobile: '138abc' }) },
    ]);
    expect(wireIssues(issues)).toEqual([
      {
        path: 'ops.0.id',
        message: '该部门还有 2 名成员，请先移走或删除成员',
        code: 'dept.hasMembers',
        params: { count: 2 },
      },
      {
        path: 'ops.1.fields.mobile',
        message: '手机号只能包含数字、+ 和 -',
        code: 'member.mobileChars',
        params: {},
      },
    ]);
  });
});
