import { describe, expect, it } from 'vitest';
import { member } from '../../../test-support/org-fixtures';
import {
  checkWith,
  departmentsError,
  fieldSchemas,
  formToOps,
  memberToForm,
  mobileTakenError,
  validateForm,
} from './member-form';

describe('member form', () => {
  it('a new member becomes one member.create with every field', () => {
    const values = { ...memberToForm(null, 20), userid: ' zhangsan ', name: '张三', mobile: '13800000000' };
    const ops = formToOps(values, null);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      type: 'member.create',
      userid: 'zhangsan',
      fields: {
        name: '张三',
        mobile: '13800000000',
        departments: [{ departmentId: 20, order: 0, isLeader: false }],
        mainDepartment: 20,
        enable: true,
        gender: '0',
      },
    });
  });

  it('an edit sends only the changed fields', () => {
    const original = member('zhangsan', '张三', 20);
    const values = memberToForm(original, null);
    expect(formToOps(values, original)).toEqual([]);
    values.position = ' 主任 ';
    values.enable = false;
    expect(formToOps(values, original)).toEqual([
      { type: 'member.update', userid: 'zhangsan', fields: { position: '主任', enable: false } },
    ]);
  });

  it('department changes send the whole list; the main department falls back to the first one', () => {
    const original = member('zhangsan', '张三', 20);
    const values = memberToForm(original, null);
    values.departments = [
      { departmentId: 21, order: 3, isLeader: true },
      { departmentId: null, order: 0, isLeader: false },
    ];
    expect(formToOps(values, original)).toEqual([
      {
        type: 'member.update',
        userid: 'zhangsan',
        fields: { departments: [{ departmentId: 21, order: 3, isLeader: true }], mainDepartment: 21 },
      },
    ]);
  });

  it('a disabled member opens with 启用 off', () => {
    expect(memberToForm(member('a', 'A', 20, 2), null).enable).toBe(false);
  });

  it('validates with the contract schemas, in Chinese', () => {
    expect(checkWith(fieldSchemas.userid, '张三')).toMatch(/账号只能包含/);
    expect(checkWith(fieldSchemas.mobile, '138abc')).toMatch(/手机号/);
    expect(checkWith(fieldSchemas.email, 'x@y')).toBe('邮箱格式不正确');
    expect(checkWith(fieldSchemas.name, 'ok')).toBeNull();
    const errors = validateForm({ ...memberToForm(null, null), userid: '', name: '', departments: [] }, true);
    expect(errors).toMatchObject({
      userid: '请填写账号',
      name: '请填写姓名',
      departments: '至少选择一个部门',
    });
    expect(errors.mobile).toBe('手机号和邮箱至少填写一项（企业微信要求）');
    const editing = validateForm(
      { ...memberToForm(member('a', 'A', 20), null), directLeader: ['1', '2', '3', '4', '5', '6'] },
      false,
    );
    expect(editing).toEqual({ directLeader: '直属上级最多 5 人' });
  });

  it('an edit must keep a mobile or an email only when it changes them', () => {
    const original = { ...member('a', 'A', 20), mobile: '13800000000', email: '' };
    const cleared = { ...memberToForm(original, null), mobile: '' };
    expect(validateForm(cleared, false, { original }).mobile).toBe(
      '手机号和邮箱至少填写一项（企业微信要求）',
    );
    const never = { ...original, mobile: '' };
    expect(validateForm(cleared, false, { original: never })).toEqual({});
  });

  it('names a department chosen twice, and the members who already use a mobile', () => {
    const link = (id: number | null) => ({ departmentId: id, order: 0, isLeader: false });
    const names = (id: number) => (id === 20 ? '心内科' : undefined);
    expect(departmentsError([link(20), link(null), link(20)], names)).toBe(
      '同一个部门只能加入一次：「心内科」重复了，请去掉重复的部门',
    );
    expect(departmentsError([link(null)])).toBe('至少选择一个部门');
    expect(departmentsError([link(20), link(21)])).toBeNull();
    expect(mobileTakenError(' 13800000001 ', [{ name: '张三', userid: 'zhangsan' }])).toBe(
      '手机号 13800000001 已被 张三（zhangsan）使用，同一企业内不能重复，请核对后重新填写',
    );
    expect(mobileTakenError('13800000001', [])).toBeNull();
  });
});
