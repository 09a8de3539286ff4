import { describe, expect, it } from 'vitest';
import type { ChangeOp, MemberFields } from '../../../contract/org-edit';
import { dept, hospital } from './test-fixtures';
import type { CacheSnapshot } from './types';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

const wcOf = (s: CacheSnapshot = hospital()) => WorkingCopy.build(s);
const messages = (ops: unknown[], s?: CacheSnapshot) => validateOps(wcOf(s), ops).map((i) => i.message);

function fields(over: Partial<MemberFields> = {}): MemberFields {
  return {
    name: '新人',
    alias: '',
    mobile: '13900000009',
    email: '',
    telephone: '',
    position: '护士',
    gender: '2',
    departments: [{ departmentId: 202, order: 0, isLeader: false }],
    mainDepartment: 202,
    directLeader: [],
    enable: true,
    ...over,
  };
}

describe('validateOps — departments', () => {
  it('accepts a valid batch where later ops depend on earlier ones', () => {
    const ops: ChangeOp[] = [
      { type: 'dept.create', id: -1, name: '康复二科', parentid: 20, order: 0 },
      { type: 'dept.create', id: -2, name: '一病区', parentid: -1, order: 0 },
      {
        type: 'member.update',
        userid: 'zhouba',
        fields: { departments: [{ departmentId: -2, order: 0, isLeader: false }], mainDepartment: -2 },
      },
      {
        type: 'member.update',
        userid: 'wujiu',
        fields: { departments: [{ departmentId: -2, order: 0, isLeader: false }], mainDepartment: -2 },
      },
      { type: 'dept.delete', id: 203 },
    ];
    expect(validateOps(wcOf(), ops)).toEqual([]);
  });

  it('refuses a cycle', () => {
    const issues = validateOps(wcOf(), [{ type: 'dept.update', id: 201, parentid: 2011 }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ opIndex: 0, path: 'parentid', code: 'dept.cycle' });
    expect(issues[0]!.message).toBe('不能把「心血管内科」移到它的下级部门「心内一病区」之下，请另选上级部门');
    expect(messages([{ type: 'dept.update', id: 201, parentid: 201 }])[0]).toBe(
      '不能把「心血管内科」移到它自己之下，请另选上级部门',
    );
  });

  it('refuses depth beyond 15, counting the moved subtree', () => {
    const s = hospital();
    // A chain under 医技科室: 40 > 9001 > … > 9012 puts 9012 at depth 14.
    let parent = 40;
    for (let i = 1; i <= 12; i++) {
      s.departments.push(dept(9000 + i, `层${i}`, parent));
      parent = 9000 + i;
    }
    const wc = WorkingCopy.build(s);
    expect(wc.depth(9012)).toBe(14);
    expect(validateOps(wc, [{ type: 'dept.create', id: -1, name: 'ok', parentid: 9012, order: 0 }])).toEqual(
      [],
    );
    const deep = validateOps(wc, [
      { type: 'dept.create', id: -1, name: '第15级', parentid: 9012, order: 0 },
      { type: 'dept.create', id: -2, name: '第16级', parentid: -1, order: 0 },
    ]);
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatchObject({
      opIndex: 1,
      path: 'parentid',
      code: 'dept.tooDeep',
      params: { name: '第16级', parentName: '第15级', depth: 16, max: 15 },
    });
    expect(deep[0]!.message).toContain('最多 15 级');
    // 心血管内科 has a child: moving it under depth 14 would make 16 levels.
    const moved = validateOps(wc, [{ type: 'dept.update', id: 201, parentid: 9012 }]);
    expect(moved[0]!.message).toContain('将达到 16 级');
    expect(validateOps(wc, [{ type: 'dept.update', id: 202, parentid: 9012 }])).toEqual([]);
  });

  it('refuses forbidden characters and empty names with the schema messages', () => {
    expect(messages([{ type: 'dept.create', id: -1, name: '内科/外科?', parentid: 20, order: 0 }])).toEqual([
      '部门名称不能包含 \\ : * ? " < > | 这些字符',
    ]);
    expect(messages([{ type: 'dept.update', id: 203, name: '   ' }])).toEqual(['部门名称不能为空']);
  });

  it('a name-format problem does not cascade into "department missing" for later ops', () => {
    const issues = validateOps(wcOf(), [
      { type: 'dept.create', id: -1, name: 'a|b', parentid: 20, order: 0 },
      { type: 'dept.create', id: -2, name: 'child', parentid: -1, order: 0 },
    ]);
    expect(issues.map((i) => i.opIndex)).toEqual([0]);
  });

  it('refuses duplicate sibling names, case-sensitively, including within the batch', () => {
    expect(messages([{ type: 'dept.create', id: -1, name: '骨科', parentid: 20, order: 0 }])[0]).toBe(
      '「临床科室」下已有名为「骨科」的部门，同级部门不能重名，请换一个名称',
    );
    expect(messages([{ type: 'dept.create', id: -1, name: '骨科', parentid: 40, order: 0 }])).toEqual([]);
    expect(messages([{ type: 'dept.update', id: 202, name: '骨科' }])[0]).toContain('同级部门不能重名');
    expect(messages([{ type: 'dept.update', id: 401, parentid: 20, name: '骨科' }])[0]).toContain(
      '同级部门不能重名',
    );
    const s = hospital();
    s.departments.push(dept(204, 'ICU', 20));
    expect(messages([{ type: 'dept.create', id: -1, name: 'icu', parentid: 20, order: 0 }], s)).toEqual([]);
    expect(
      messages([
        { type: 'dept.create', id: -1, name: '新科', parentid: 20, order: 0 },
        { type: 'dept.create', id: -2, name: '新科', parentid: 20, order: 0 },
      ])[0],
    ).toContain('已有名为「新科」');
  });

  it('refuses deleting a department that still has members or sub-departments, with counts', () => {
    expect(messages([{ type: 'dept.delete', id: 203 }])).toEqual(['该部门还有 2 名成员，请先移走或删除成员']);
    expect(messages([{ type: 'dept.delete', id: 201 }])).toEqual([
      '该部门还有 1 个下级部门，请先移走或删除下级部门',
      '该部门还有 2 名成员，请先移走或删除成员',
    ]);
    // Moving them out first (in the same batch) makes the delete valid.
    expect(
      messages([
        { type: 'member.delete', userid: 'zhouba' },
        {
          type: 'member.update',
          userid: 'wujiu',
          fields: { departments: [{ departmentId: 202, order: 0, isLeader: false }], mainDepartment: 202 },
        },
        { type: 'dept.delete', id: 203 },
      ]),
    ).toEqual([]);
  });

  it('protects the root and the six pinned top groups', () => {
    expect(messages([{ type: 'dept.delete', id: 1 }])).toEqual(['「新区医院」是根部门，不能删除']);
    expect(messages([{ type: 'dept.update', id: 1, parentid: 20 }])).toEqual([
      '「新区医院」是根部门，不能移动',
    ]);
    const pinned = '「临床科室」是固定的顶级分组，不能重命名、移动、调整排序或删除';
    expect(messages([{ type: 'dept.delete', id: 20 }])).toEqual([pinned]);
    expect(messages([{ type: 'dept.update', id: 20, name: '临床' }])).toEqual([pinned]);
    expect(messages([{ type: 'dept.update', id: 20, parentid: 10 }])).toEqual([pinned]);
    expect(messages([{ type: 'dept.update', id: 20, order: 999 }])).toEqual([pinned]);
    // Saving unchanged values is fine (a form may send every field).
    expect(messages([{ type: 'dept.update', id: 20, name: '临床科室', parentid: 1, order: 500 }])).toEqual(
      [],
    );
    // Other departments may still be reordered or moved under a top group.
    expect(messages([{ type: 'dept.update', id: 203, parentid: 40, order: 3 }])).toEqual([]);
  });

  it('refuses a missing or deleted parent', () => {
    expect(messages([{ type: 'dept.create', id: -1, name: 'x', parentid: 77, order: 0 }])[0]).toContain(
      '上级部门（编号 77）不存在',
    );
    expect(
      messages([
        { type: 'dept.delete', id: 2011 },
        { type: 'dept.create', id: -1, name: 'x', parentid: 2011, order: 0 },
      ])[0],
    ).toBe('上级部门「心内一病区」已标记删除，请先撤销删除，或另选一个部门');
  });
});

describe('validateOps — members', () => {
  it('accepts a valid new member', () => {
    expect(validateOps(wcOf(), [{ type: 'member.create', userid: 'xinren', fields: fields() }])).toEqual([]);
  });

  it('refuses a duplicate userid case-insensitively, naming who holds it', () => {
    const issues = validateOps(wcOf(), [{ type: 'member.create', userid: 'ZhangSan', fields: fields() }]);
    expect(issues).toEqual([
      {
        opIndex: 0,
        path: 'userid',
        message: '账号 ZhangSan 已被 张三 使用（账号不区分大小写），请换一个账号',
        code: 'member.useridTaken',
        params: { userid: 'ZhangSan', name: '张三' },
      },
    ]);
    const inBatch = validateOps(wcOf(), [
      { type: 'member.create', userid: 'a1', fields: fields() },
      { type: 'member.create', userid: 'A1', fields: fields({ mobile: '13900000010' }) },
    ]);
    expect(inBatch.map((i) => i.opIndex)).toEqual([1]);
  });

  it('refuses a bad or duplicate mobile, and requires mobile or email', () => {
    expect(messages([{ type: 'member.create', userid: 'x', fields: fields({ mobile: '138abc' }) }])).toEqual([
      '手机号只能包含数字、+ 和 -',
    ]);
    expect(
      messages([{ type: 'member.create', userid: 'x', fields: fields({ mobile: '138-0000-0001' }) }]),
    ).toEqual(['手机号 138-0000-0001 已被 张三（zhangsan）使用，同一企业内不能重复，请核对后重新填写']);
    expect(
      messages([{ type: 'member.create', userid: 'x', fields: fields({ mobile: '', email: '' }) }]),
    ).toEqual(['手机号和邮箱至少填写一项（企业微信要求）']);
    expect(messages([{ type: 'member.update', userid: 'lisi', fields: { mobile: '13800000002' } }])).toEqual(
      [],
    );
    expect(
      messages([{ type: 'member.update', userid: 'lisi', fields: { mobile: '13800000001' } }])[0],
    ).toContain('已被 张三（zhangsan）使用');
  });

  it('checks departments, main department, direct leaders and the 20-department limit', () => {
    const link = (d: number) => ({ departmentId: d, order: 0, isLeader: false });
    expect(
      messages([
        { type: 'member.create', userid: 'x', fields: fields({ departments: [link(202), link(202)] }) },
      ])[0],
    ).toContain('同一个部门只能加入一次');
    expect(
      messages([
        {
          type: 'member.create',
          userid: 'x',
          fields: fields({ departments: [link(999)], mainDepartment: 999 }),
        },
      ])[0],
    ).toContain('所属部门（编号 999）不存在');
    expect(
      messages([{ type: 'member.create', userid: 'x', fields: fields({ mainDepartment: 203 }) }]),
    ).toEqual(['主部门「骨科」不在该成员的所属部门中，请从所属部门里选择主部门']);
    expect(
      messages([{ type: 'member.update', userid: 'zhangsan', fields: { departments: [link(202)] } }])[0],
    ).toContain('主部门「心血管内科」不在');
    expect(
      messages([{ type: 'member.create', userid: 'x', fields: fields({ directLeader: ['nobody'] }) }]),
    ).toEqual(['直属上级 nobody 不存在或已标记删除，请重新选择']);
    expect(
      messages([
        {
          type: 'member.create',
          userid: 'x',
          fields: fields({ directLeader: ['a', 'b', 'c', 'd', 'e', 'f'] }),
        },
      ]),
    ).toContain('直属上级最多 5 人');
    const many = Array.from({ length: 21 }, (_, i) => link(i));
    expect(
      messages([{ type: 'member.create', userid: 'x', fields: fields({ departments: many }) }]),
    ).toContain('一名成员最多属于 20 个部门');
    expect(messages([{ type: 'member.create', userid: '-bad', fields: fields() }])).toEqual([
      '账号只能包含字母、数字和 _ - @ .，且以字母或数字开头',
    ]);
  });

  it('refuses updates of missing or deleted members', () => {
    expect(messages([{ type: 'member.update', userid: 'ghost', fields: { position: 'x' } }])[0]).toContain(
      '成员 ghost 不存在',
    );
    expect(
      messages([
        { type: 'member.delete', userid: 'wujiu' },
        { type: 'member.update', userid: 'wujiu', fields: { position: 'x' } },
      ]),
    ).toEqual(['成员 吴九（wujiu）已标记删除，不能再修改；如需保留请先撤销删除']);
  });
});

describe('validateOps — tags', () => {
  it('enforces unique names, length and existence of tags and their ids', () => {
    expect(messages([{ type: 'tag.create', tagid: -1, tagname: '党员' }])).toEqual([
      '标签「党员」已存在，标签名不能重复，请换一个名称',
    ]);
    expect(messages([{ type: 'tag.create', tagid: -1, tagname: 'x'.repeat(33) }])).toEqual([
      '标签名最多 32 个字',
    ]);
    expect(messages([{ type: 'tag.update', tagid: 2, tagname: '党员' }])[0]).toContain('已存在');
    expect(messages([{ type: 'tag.delete', tagid: 9 }])[0]).toContain('标签（编号 9）不存在');
    const bad = validateOps(wcOf(), [
      { type: 'tag.addMembers', tagid: 1, userids: ['lisi', 'ghost'], departmentIds: [999] },
    ]);
    expect(bad.map((i) => i.path)).toEqual(['userids.1', 'departmentIds.0']);
    expect(
      messages([
        { type: 'tag.create', tagid: -1, tagname: '新标签' },
        { type: 'tag.addMembers', tagid: -1, userids: ['LISI'], departmentIds: [20] },
      ]),
    ).toEqual([]);
  });
});

it('does not leave the working copy changed', () => {
  const wc = wcOf();
  validateOps(wc, [
    { type: 'dept.update', id: 203, parentid: 40 },
    { type: 'member.delete', userid: 'lisi' },
  ]);
  expect(wc.dept(203)!.parentid).toBe(20);
  expect(wc.member('lisi')).toBeDefined();
});
