import { describe, expect, it } from 'vitest';
import { MemberFields } from '../contract';
import {
  checkDeptName,
  checkEmail,
  checkMemberName,
  checkMobile,
  checkTagName,
  checkTelephone,
  checkUserid,
} from './field-rules';
import { schemaIssues, wireIssueFromSchema } from './schema-issues';

const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);

describe('single-field rules (the contract schemas, as issue codes)', () => {
  it('department names: 1–64 characters, none of \\ : * ? " < > |', () => {
    expect(checkDeptName('心内科')).toEqual([]);
    expect(codes(checkDeptName('  '))).toEqual(['dept.nameEmpty']);
    expect(checkDeptName('科'.repeat(65))).toEqual([{ code: 'dept.nameTooLong', max: 64 }]);
    for (const c of ['\\', ':', '*', '?', '"', '<', '>', '|'])
      expect(codes(checkDeptName(`内科${c}`))).toEqual(['dept.nameChars']);
  });

  it('userids: 1–64 bytes of letters, digits, _ - @ . starting with a letter or digit', () => {
    expect(checkUserid('zhang.san@1')).toEqual([]);
    expect(codes(checkUserid(''))).toContain('member.useridEmpty');
    expect(checkUserid('a'.repeat(65))).toEqual([{ code: 'member.useridTooLong', max: 64 }]);
    expect(codes(checkUserid('-bad'))).toEqual(['member.useridChars']);
    expect(codes(checkUserid('张三'))).toEqual(['member.useridChars']);
  });

  it('member names: 1–64 characters', () => {
    expect(codes(checkMemberName(' '))).toEqual(['member.nameEmpty']);
    expect(checkMemberName('名'.repeat(65))).toEqual([{ code: 'member.nameTooLong', max: 64 }]);
  });

  it('mobiles, emails and telephones', () => {
    expect(checkMobile('')).toEqual([]);
    expect(checkMobile('+86 138-0000-0000')).toEqual([]);
    expect(codes(checkMobile('138abc'))).toEqual(['member.mobileChars']);
    expect(checkMobile('1'.repeat(33))).toEqual([{ code: 'member.mobileTooLong', max: 32 }]);
    expect(checkEmail('')).toEqual([]);
    expect(codes(checkEmail('x@y'))).toEqual(['member.emailInvalid']);
    expect(codes(checkTelephone('0571-1234,5'))).toEqual([]);
    expect(codes(checkTelephone('分机 5'))).toEqual(['member.telephoneChars']);
    expect(checkTelephone('1'.repeat(33))).toEqual([{ code: 'member.telephoneTooLong', max: 32 }]);
  });

  it('tag names: 1–32 characters', () => {
    expect(codes(checkTagName(''))).toEqual(['tag.nameEmpty']);
    expect(checkTagName('标'.repeat(33))).toEqual([{ code: 'tag.nameTooLong', max: 32 }]);
  });

  it('member field limits read their maximum from the schema', () => {
    const s = MemberFields.shape;
    expect(schemaIssues(s.alias, 'a'.repeat(65))).toEqual([{ code: 'member.aliasTooLong', max: 64 }]);
    expect(schemaIssues(s.position, 'a'.repeat(129))).toEqual([{ code: 'member.positionTooLong', max: 128 }]);
    expect(schemaIssues(s.directLeader, ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual([
      { code: 'member.directLeaderTooMany', max: 5 },
    ]);
    const link = { departmentId: 1, order: 0, isLeader: false };
    expect(codes(schemaIssues(s.departments, []))).toEqual(['member.deptsEmpty']);
    expect(schemaIssues(s.departments, Array(21).fill(link))).toEqual([
      { code: 'member.tooManyDepts', max: 20 },
    ]);
  });
});

describe('schema failures on the wire', () => {
  it('renders a coded failure and passes any other through', () => {
    expect(
      wireIssueFromSchema({ code: 'custom', message: 'dept.nameChars', path: ['ops', 0, 'name'] }),
    ).toEqual({
      path: 'ops.0.name',
      message: '部门名称不能包含 \\ : * ? " < > | 这些字符',
      code: 'dept.nameChars',
      params: {},
    });
    expect(wireIssueFromSchema({ code: 'invalid_type', message: 'Invalid input', path: ['label'] })).toEqual({
      path: 'label',
      message: 'Invalid input',
    });
  });
});
