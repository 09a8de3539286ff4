import { describe, expect, it } from 'vitest';
import type { Department } from '../../../contract/org';
import type { MemberFields } from '../../../contract/org-edit';
// The renderer's live checks, run against main's authority on the same data: they must agree word for word.
import { buildDeptTree } from '../../../../src-renderer/features/org/dept-tree-model';
import { canDropDepts } from '../../../../src-renderer/features/org/edit-ops';
import {
  memberToForm,
  validateForm,
  type MemberFormValues,
} from '../../../../src-renderer/features/org/member-editor/member-form';
import { dept, hospital } from './test-fixtures';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

/** The hospital with a chain under 医技科室 (40) that puts 9012 at level 14. */
function deepHospital() {
  const s = hospital();
  let parent = 40;
  for (let i = 1; i <= 12; i++) {
    s.departments.push(dept(9000 + i, `层${i}`, parent));
    parent = 9000 + i;
  }
  return WorkingCopy.build(s);
}

/** The renderer's display tree of the same working copy (what org.listDepartments would send). */
function rendererTree(wc: WorkingCopy) {
  const depts: Department[] = wc
    .departments()
    .map((d) => ({ ...d, memberCount: wc.memberCount(d.id), pinnedRank: wc.pinnedRank(d.id) }));
  return buildDeptTree(depts);
}

const mainMessage = (wc: WorkingCopy, op: unknown) => validateOps(wc, [op]).map((i) => i.message);

function newMember(over: Partial<MemberFormValues>): { form: MemberFormValues; fields: MemberFields } {
  const form: MemberFormValues = {
    ...memberToForm(null, 202),
    userid: 'xinren',
    name: '新人',
    mobile: '13900000009',
    ...over,
  };
  const fields: MemberFields = {
    name: form.name,
    alias: form.alias,
    mobile: form.mobile,
    email: form.email,
    telephone: form.telephone,
    position: form.position,
    gender: form.gender,
    departments: form.departments.map((d) => ({ ...d, departmentId: d.departmentId! })),
    mainDepartment: form.mainDepartment!,
    directLeader: form.directLeader,
    enable: form.enable,
  };
  return { form, fields };
}

describe('renderer and main say the same thing for the same mistake', () => {
  it('a move to level 16 (depth counted from 1 at the root on both sides)', () => {
    const wc = deepHospital();
    const drop = canDropDepts(rendererTree(wc), [201], { parentId: 9012 });
    const main = mainMessage(wc, { type: 'dept.update', id: 201, parentid: 9012 });
    expect(main).toHaveLength(1);
    expect(drop).toEqual({ ok: false, reason: main[0], issue: expect.objectContaining({ depth: 16 }) });
    expect(main[0]).toContain('将达到 16 级');
    // One level less is fine for both.
    expect(canDropDepts(rendererTree(wc), [202], { parentId: 9012 })).toEqual({ ok: true });
    expect(mainMessage(wc, { type: 'dept.update', id: 202, parentid: 9012 })).toEqual([]);
  });

  it('moving a fixed top group, or a department below itself', () => {
    const wc = deepHospital();
    const tree = rendererTree(wc);
    const pinned = canDropDepts(tree, [20], { parentId: 10 });
    expect(!pinned.ok && pinned.reason).toBe(
      mainMessage(wc, { type: 'dept.update', id: 20, parentid: 10 })[0],
    );
    const cycle = canDropDepts(tree, [201], { parentId: 2011 });
    expect(!cycle.ok && cycle.reason).toBe(
      mainMessage(wc, { type: 'dept.update', id: 201, parentid: 2011 })[0],
    );
  });

  const deptName = (wc: WorkingCopy) => (id: number) => wc.dept(id)?.name;
  const link = (id: number) => ({ departmentId: id, order: 0, isLeader: false });

  it('the same department twice', () => {
    const wc = deepHospital();
    const { form, fields } = newMember({ departments: [link(202), link(202)] });
    const main = mainMessage(wc, { type: 'member.create', userid: 'xinren', fields });
    expect(main).toEqual(['同一个部门只能加入一次：「呼吸内科」重复了，请去掉重复的部门']);
    expect(validateForm(form, true, { deptName: deptName(wc) }).departments).toBe(main[0]);
  });

  it('neither mobile nor email', () => {
    const wc = deepHospital();
    const { form, fields } = newMember({ mobile: '', email: '' });
    const main = mainMessage(wc, { type: 'member.create', userid: 'xinren', fields });
    expect(main).toEqual(['手机号和邮箱至少填写一项（企业微信要求）']);
    expect(validateForm(form, true).mobile).toBe(main[0]);
    // An edit that removes the last one is refused by both; an edit that leaves them alone is not.
    const lisi = wc.member('lisi')!;
    expect(lisi.mobile !== '' || lisi.email !== '').toBe(true);
    const edit: MemberFormValues = { ...form, userid: 'lisi', name: lisi.name };
    const clearing = { mobile: '', email: '' };
    expect(mainMessage(wc, { type: 'member.update', userid: 'lisi', fields: clearing })).toEqual(main);
    expect(validateForm(edit, false, { original: lisi }).mobile).toBe(main[0]);
    const untouched = { ...lisi, mobile: '', email: '' };
    expect(validateForm(edit, false, { original: untouched }).mobile).toBeUndefined();
  });

  it('a malformed mobile', () => {
    const wc = deepHospital();
    const { form, fields } = newMember({ mobile: '138abc' });
    const main = mainMessage(wc, { type: 'member.create', userid: 'xinren', fields });
    expect(main).toEqual(['手机号只能包含数字、+ 和 -']);
    expect(validateForm(form, true).mobile).toBe(main[0]);
  });
});
