import { describe, expect, it } from 'vitest';
import {
  MEMBER_FIELDS,
  TEXT_MEMBER_FIELDS,
  changedMemberFields,
  memberFieldsCanon,
  memberFieldsOf,
  sameMember,
  withMemberFields,
} from './member-fields';
import type { CMember } from './org-cache';

const zhang: CMember = {
  userid: 'zhangsan',
  name: '张三',
  alias: '',
  mobile: '13800000000',
  email: '',
  telephone: '',
  position: '医师',
  gender: '1',
  status: 1,
  enable: true,
  mainDepartment: 20,
  departments: [
    { departmentId: 20, order: 1, isLeader: false },
    { departmentId: 21, order: 0, isLeader: true },
  ],
  directLeader: ['LiSi'],
};

describe('member field table', () => {
  it('lists every writable field once, text fields first', () => {
    expect(MEMBER_FIELDS).toHaveLength(11);
    expect(new Set(MEMBER_FIELDS).size).toBe(11);
    expect(TEXT_MEMBER_FIELDS).toEqual(['name', 'alias', 'mobile', 'email', 'telephone', 'position']);
  });

  it('compares leaders as a case-insensitive set and departments by position', () => {
    const leadersReordered = { ...zhang, directLeader: ['lisi'] };
    expect(sameMember(zhang, leadersReordered)).toBe(true);
    const swapped = { ...zhang, departments: [...zhang.departments].reverse() };
    expect(changedMemberFields(zhang, swapped)).toEqual(['departments']);
    expect(sameMember(zhang, { ...zhang, status: 4 })).toBe(false);
  });

  it('copies lists so an op never shares arrays with an entity', () => {
    const f = memberFieldsOf(zhang);
    expect(f).not.toHaveProperty('userid');
    expect(f.departments).toEqual(zhang.departments);
    expect(f.departments).not.toBe(zhang.departments);
    const next = withMemberFields(zhang, { position: '主任', directLeader: ['wangwu'] });
    expect(next).toMatchObject({ userid: 'zhangsan', position: '主任', name: '张三', status: 1 });
    expect(changedMemberFields(zhang, next)).toEqual(['position', 'directLeader']);
  });

  it('canonical form ignores the order of departments and leaders', () => {
    const swapped = { ...zhang, departments: [...zhang.departments].reverse(), directLeader: ['lisi'] };
    expect(memberFieldsCanon(swapped)).toEqual(memberFieldsCanon(zhang));
  });
});
