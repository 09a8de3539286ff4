import { describe, expect, it } from 'vitest';
import {
  checkContactUnique,
  checkDirectLeaders,
  checkMemberDepartments,
  checkMobileFormat,
  checkMobileOrEmail,
  checkUseridFree,
} from './member-rules';

describe('checkMemberDepartments', () => {
  const names = new Map([[20, '心内科']]);
  const nameOf = (id: number) => names.get(id);

  it('accepts distinct departments including the main one', () => {
    expect(checkMemberDepartments([20, 21], { main: 21, nameOf })).toEqual([]);
  });
  it('member.deptsEmpty and member.tooManyDepts (20, 60110)', () => {
    expect(checkMemberDepartments([])).toEqual([
      { path: 'departments', issue: { code: 'member.deptsEmpty' } },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => i + 100);
    expect(checkMemberDepartments(many)).toEqual([
      { path: 'departments', issue: { code: 'member.tooManyDepts', max: 20 } },
    ]);
    expect(checkMemberDepartments(many.slice(1))).toEqual([]);
  });
  it('member.deptTwice points at the repeated row and names the department when it can', () => {
    expect(checkMemberDepartments([20, 21, 20], { nameOf })).toEqual([
      {
        path: 'departments.2.departmentId',
        issue: { code: 'member.deptTwice', departmentId: 20, deptName: '心内科' },
      },
    ]);
    expect(checkMemberDepartments([7, 7])[0]!.issue).toEqual({
      code: 'member.deptTwice',
      departmentId: 7,
      deptName: null,
    });
  });
  it('member.mainDeptNotMember when the main department is not among them', () => {
    expect(checkMemberDepartments([21], { main: 20, nameOf })).toEqual([
      {
        path: 'mainDepartment',
        issue: { code: 'member.mainDeptNotMember', departmentId: 20, deptName: '心内科' },
      },
    ]);
  });
});

describe('checkMobileOrEmail (60129)', () => {
  it('member.mobileOrEmailRequired when required and both are blank', () => {
    expect(checkMobileOrEmail({ mobile: ' ', email: '' }, true)).toEqual([
      { path: 'mobile', issue: { code: 'member.mobileOrEmailRequired' } },
    ]);
    expect(checkMobileOrEmail({ mobile: '', email: 'a@b.cn' }, true)).toEqual([]);
  });
  it('is not required of an edit that leaves mobile and email alone', () => {
    expect(checkMobileOrEmail({ mobile: '', email: '' }, false)).toEqual([]);
  });
});

describe('checkDirectLeaders', () => {
  it('member.directLeaderTooMany beyond 5 (60257)', () => {
    expect(checkDirectLeaders(['a', 'b', 'c', 'd', 'e', 'f'], null)).toEqual([
      { path: 'directLeader', issue: { code: 'member.directLeaderTooMany', max: 5 } },
    ]);
  });
  it('member.directLeaderSelf, member.directLeaderTwice (case-insensitive), member.directLeaderMissing', () => {
    const exists = (u: string) => u !== 'ghost';
    expect(checkDirectLeaders(['Me', 'boss', 'BOSS', 'ghost'], 'me', exists)).toEqual([
      { path: 'directLeader.0', issue: { code: 'member.directLeaderSelf' } },
      { path: 'directLeader.2', issue: { code: 'member.directLeaderTwice', userid: 'BOSS' } },
      { path: 'directLeader.3', issue: { code: 'member.directLeaderMissing', userid: 'ghost' } },
    ]);
  });
});

describe('unique values', () => {
  const zhang = { name: '张三', userid: 'zhangsan' };
  it('member.mobileTaken / member.mobileHeldByDeleted, not counting the member itself', () => {
    expect(checkContactUnique('mobile', '138', [zhang], 'ZhangSan')).toEqual([]);
    expect(checkContactUnique('mobile', '138', [zhang], 'lisi')).toEqual([
      { path: 'mobile', issue: { code: 'member.mobileTaken', mobile: '138', holders: [zhang] } },
    ]);
    expect(checkContactUnique('mobile', '138', [{ ...zhang, deleted: true }], null)).toEqual([
      { path: 'mobile', issue: { code: 'member.mobileHeldByDeleted', mobile: '138', holder: zhang } },
    ]);
  });
  it('member.emailTaken / member.emailHeldByDeleted', () => {
    expect(checkContactUnique('email', 'a@b.cn', [zhang], null)[0]!.issue).toEqual({
      code: 'member.emailTaken',
      email: 'a@b.cn',
      holders: [zhang],
    });
    expect(checkContactUnique('email', 'a@b.cn', [{ ...zhang, deleted: true }], null)[0]!.issue).toEqual({
      code: 'member.emailHeldByDeleted',
      email: 'a@b.cn',
      holder: zhang,
    });
  });
  it('member.useridTaken / member.useridHeldByDeleted (60102)', () => {
    expect(checkUseridFree('x', undefined)).toEqual([]);
    expect(checkUseridFree('ZhangSan', { name: '张三', deleted: false })).toEqual([
      { code: 'member.useridTaken', userid: 'ZhangSan', name: '张三' },
    ]);
    expect(checkUseridFree('zhangsan', { name: '张三', deleted: true })).toEqual([
      { code: 'member.useridHeldByDeleted', userid: 'zhangsan', name: '张三' },
    ]);
  });
});

describe('checkMobileFormat (60103)', () => {
  const codes = (m: string) => checkMobileFormat(m).map((i) => i.code);

  it.each([
    '13800000000',
    '19912345678',
    '+86 13800000000',
    '+852 91234567',
    '+1 415-555-0100',
    '138-0000-0000',
    '',
  ])('accepts %j', (m) => expect(checkMobileFormat(m)).toEqual([]));
  it('refuses a mainland number that is not 11 digits starting 1[3-9]', () => {
    expect(codes('1381234567')).toEqual(['member.mobileFormat']);
    expect(codes('138123456789')).toEqual(['member.mobileFormat']);
    expect(codes('23812345678')).toEqual(['member.mobileFormat']);
    expect(codes('12812345678')).toEqual(['member.mobileFormat']);
    expect(codes('+86 1381234567')).toEqual(['member.mobileFormat']);
  });
  it('refuses stray spaces, a country code without its space, letters and overlong input', () => {
    expect(codes('138 0000 0000')).toEqual(['member.mobileSpaces']);
    expect(codes('+86 138 0000 0000')).toEqual(['member.mobileSpaces']);
    expect(codes(' 13800000000')).toEqual(['member.mobileSpaces']);
    expect(codes('+8613800000000')).toEqual(['member.mobileIntl']);
    expect(codes('+852 12')).toEqual(['member.mobileIntl']);
    expect(codes('138abc')).toEqual(['member.mobileChars']);
    expect(checkMobileFormat('+1 ' + '1'.repeat(30))).toEqual([{ code: 'member.mobileTooLong', max: 32 }]);
  });
});
