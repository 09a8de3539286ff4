import { describe, expect, it } from 'vitest';
import { row, sampleDepartments } from '../../test-support/org-fixtures';
import { buildDeptTree } from './dept-tree-model';
import { memberHitDetail, memberOptionLabel } from './member-option';

const tree = buildDeptTree(sampleDepartments);
const [a, b, c] = sampleDepartments.filter((d) => d.parentid !== 0);

describe('member picker labels', () => {
  it('show the departments and 职务 after the name', () => {
    const r = { ...row('CuiBo', '崔博', 'cuibo', 'cb', [a!.id]), position: '主任' };
    expect(memberOptionLabel(r, tree)).toBe(`崔博（${a!.name} · 主任）`);
  });

  it('tell namesakes apart by department', () => {
    const one = memberHitDetail(row('x1', '王芳', 'wangfang', 'wf', [a!.id]), tree);
    const two = memberHitDetail(row('x2', '王芳', 'wangfang', 'wf', [b!.id]), tree);
    expect(one).not.toBe(two);
  });

  it('shorten many departments and fall back to the 账号', () => {
    const many = { ...row('m', '李四', 'lisi', 'ls', [a!.id, b!.id, c!.id]), position: '' };
    expect(memberHitDetail(many, tree)).toBe(`${a!.name}、${b!.name}等 3 个部门`);
    const none = { ...row('nobody', '赵六', 'zhaoliu', 'zl', [999_999]), position: '' };
    expect(memberHitDetail(none, tree)).toBe('nobody');
  });
});
