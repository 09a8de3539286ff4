import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { treeDiff } from './diff';
import { summarize, summarizeAll } from './summaries';
import { hospital } from './test-fixtures';
import { WorkingCopy } from './working-copy';

const link = (d: number) => ({ departmentId: d, order: 0, isLeader: false });

describe('summarize', () => {
  const wc = WorkingCopy.build(hospital());
  const cases: Array<[ChangeOp, string]> = [
    [
      { type: 'dept.create', id: -1, name: '康复二科', parentid: 20, order: 0 },
      '新建部门「康复二科」于 临床科室',
    ],
    [{ type: 'dept.update', id: 201, parentid: 40 }, '将「心血管内科」移到 医技科室 之下'],
    [{ type: 'dept.update', id: 203, order: 99 }, '骨科：第 3 位 → 第 1 位'],
    [{ type: 'dept.update', id: 203, name: '骨科一病区' }, '重命名部门「骨科」为「骨科一病区」'],
    [{ type: 'dept.delete', id: 2011 }, '删除部门「心内一病区」'],
    [
      {
        type: 'member.create',
        userid: 'zhangsan2',
        fields: {
          name: '张三',
          alias: '',
          mobile: '1',
          email: '',
          telephone: '',
          position: '',
          gender: '1',
          departments: [link(201)],
          mainDepartment: 201,
          directLeader: [],
          enable: true,
        },
      },
      '新建成员 张三（zhangsan2）：手机 1；性别 男；部门 心血管内科',
    ],
    [
      { type: 'member.update', userid: 'lisi', fields: { position: '护士' } },
      '修改 李四 的职务：护士长 → 护士',
    ],
    [
      {
        type: 'member.update',
        userid: 'zhangsan',
        fields: { departments: [link(202)], mainDepartment: 202 },
      },
      '将 张三 从 心血管内科 移到 呼吸内科',
    ],
    [
      { type: 'member.update', userid: 'zhangsan', fields: { departments: [link(201), link(203)] } },
      '将 张三 加入 骨科',
    ],
    [{ type: 'member.update', userid: 'zhangsan', fields: { enable: false } }, '停用 张三'],
    [
      { type: 'member.update', userid: 'zhangsan', fields: { mobile: '2', email: 'a@b.cn' } },
      '修改 张三：手机 13800000001 → 2；邮箱 zhangsan@example.com → a@b.cn',
    ],
    [{ type: 'member.delete', userid: 'wangwu' }, '删除成员 王五'],
    [{ type: 'tag.create', tagid: -1, tagname: '护理骨干' }, '新建标签「护理骨干」'],
    [{ type: 'tag.update', tagid: 1, tagname: '中共党员' }, '重命名标签「党员」为「中共党员」'],
    [
      { type: 'tag.addMembers', tagid: 1, userids: ['lisi', 'wangwu', 'zhaoliu'], departmentIds: [202] },
      '给标签「党员」添加 3 人、1 个部门',
    ],
    [{ type: 'tag.addMembers', tagid: 1, userids: ['lisi'], departmentIds: [] }, '给标签「党员」添加 李四'],
    [
      { type: 'tag.removeMembers', tagid: 2, userids: ['sunqi'], departmentIds: [] },
      '从标签「中层干部」移除 孙七',
    ],
  ];
  it.each(cases)('%j', (op, text) => expect(summarize(op, wc)).toBe(text));

  it('describes each op of a batch against the state right before it', () => {
    expect(
      summarizeAll(
        [
          { type: 'member.update', userid: 'lisi', fields: { enable: false } },
          { type: 'member.update', userid: 'lisi', fields: { enable: true } },
        ],
        wc,
      ),
    ).toEqual(['停用 李四', '启用 李四']);
  });
});

describe('treeDiff', () => {
  it('lists the net difference, departments first by path', () => {
    const base = hospital();
    const ops: ChangeOp[] = [
      { type: 'dept.create', id: -1, name: '康复科', parentid: 20, order: 0 },
      { type: 'dept.update', id: 203, name: '骨科一病区' },
      { type: 'dept.update', id: 2011, parentid: 202 },
      { type: 'dept.update', id: 102, order: 77 },
      { type: 'dept.update', id: 102, name: 'x' },
      { type: 'dept.update', id: 102, name: '医务科' }, // undone: no line
      {
        type: 'member.update',
        userid: 'zhangsan',
        fields: { departments: [link(-1)], mainDepartment: -1, position: '护师' },
      },
      { type: 'member.update', userid: 'lisi', fields: { enable: false } },
      { type: 'member.delete', userid: 'wujiu' },
      { type: 'tag.update', tagid: 1, tagname: '中共党员' },
      { type: 'tag.addMembers', tagid: 1, userids: ['lisi'], departmentIds: [] },
    ];
    const lines = treeDiff(base, WorkingCopy.build(base, ops));
    // Code-point order of the path: deterministic on every machine, whatever its locale.
    expect(lines.map((l) => [l.entity, l.kind, l.key, l.text, l.before, l.after])).toEqual([
      [
        'department',
        'moved',
        '2011',
        '将「心内一病区」从 新区医院/临床科室/心血管内科 移到 新区医院/临床科室/呼吸内科',
        '新区医院/临床科室/心血管内科/心内一病区',
        '新区医院/临床科室/呼吸内科/心内一病区',
      ],
      ['department', 'added', '-1', '新增部门「康复科」', null, '新区医院/临床科室/康复科'],
      [
        'department',
        'renamed',
        '203',
        '部门「骨科」改名为「骨科一病区」',
        '新区医院/临床科室/骨科',
        '新区医院/临床科室/骨科一病区',
      ],
      [
        'department',
        'reordered',
        '102',
        '医务科：第 2 位 → 第 1 位',
        '新区医院/职能科室/医务科',
        '新区医院/职能科室/医务科',
      ],
      [
        'member',
        'moved',
        'zhangsan',
        '将 张三 从 心血管内科 移到 康复科',
        '新区医院/临床科室/心血管内科',
        '新区医院/临床科室/康复科',
      ],
      [
        'member',
        'changed',
        'zhangsan',
        '修改 张三（zhangsan）：职务 护士 → 护师',
        '新区医院/临床科室/心血管内科',
        '新区医院/临床科室/康复科',
      ],
      [
        'member',
        'changed',
        'lisi',
        '修改 李四（lisi）：停用',
        '新区医院/临床科室/心血管内科',
        '新区医院/临床科室/心血管内科',
      ],
      ['member', 'removed', 'wujiu', '删除成员 吴九（wujiu）', '新区医院/临床科室/骨科', null],
      ['tag', 'renamed', '1', '标签「党员」改名为「中共党员」', '党员', '中共党员'],
      ['tag', 'changed', '1', '标签「中共党员」添加 1 人', '党员', '中共党员'],
    ]);
  });

  it('is empty when nothing changes net', () => {
    const base = hospital();
    const wc = WorkingCopy.build(base, [
      { type: 'dept.create', id: -1, name: 'x', parentid: 20, order: 0 },
      { type: 'dept.delete', id: -1 },
    ]);
    expect(treeDiff(base, wc)).toEqual([]);
  });
});
