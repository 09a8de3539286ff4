import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { treeDiff } from './diff';
import { planCalls } from './plan';
import { movedAmong } from './positions';
import { summarizeAll } from './summaries';
import { hospital } from './test-fixtures';
import { WorkingCopy } from './working-copy';

// 临床科室(20): 心血管内科(201, order 30), 呼吸内科(202, 20), 骨科(203, 10).

describe('movedAmong', () => {
  it('names the department whose value changed, not the neighbour it passed', () => {
    expect([...movedAmong([1, 2, 3], [2, 1, 3], (id) => id === 1)]).toEqual([1]);
    expect([...movedAmong([1, 2, 3], [2, 1, 3], (id) => id === 2)]).toEqual([2]);
  });

  it('finds a long jump among renumbered siblings', () => {
    // 5 moved to the top; every value changed (a renumbering).
    expect([...movedAmong([1, 2, 3, 4, 5], [5, 1, 2, 3, 4], () => true)]).toEqual([5]);
    expect(movedAmong([1, 2, 3], [1, 2, 3], () => true).size).toBe(0);
  });
});

describe('a reorder', () => {
  const base = hospital();
  // 心血管内科 down one place with a gap: only its own value changes.
  const gapMove: ChangeOp[] = [{ type: 'dept.update', id: 201, order: 15 }];
  // The same move when there was no gap: the renderer renumbers, the moved department first.
  const renumbered: ChangeOp[] = [
    { type: 'dept.update', id: 201, order: 200 },
    { type: 'dept.update', id: 202, order: 300 },
    { type: 'dept.update', id: 203, order: 100 },
  ];

  it('is one line in the change list, naming the moved department with its places', () => {
    const wc = WorkingCopy.build(base);
    expect(summarizeAll(gapMove, wc)).toEqual(['心血管内科：第 1 位 → 第 2 位']);
    expect(summarizeAll(renumbered, wc)).toEqual(['心血管内科：第 1 位 → 第 2 位']);
    // Two departments placed together (a multi-select drag) are both named.
    expect(
      summarizeAll(
        [
          { type: 'dept.update', id: 202, order: 50 },
          { type: 'dept.update', id: 203, order: 40 },
        ],
        wc,
      ),
    ).toEqual(['呼吸内科：第 2 位 → 第 1 位', '骨科：第 3 位 → 第 2 位']);
    // A move into another parent that needed a renumbering there: the move, then no sibling lines.
    expect(
      summarizeAll(
        [
          { type: 'dept.update', id: 401, parentid: 20, order: 30 },
          { type: 'dept.update', id: 201, order: 40 },
        ],
        wc,
      ),
    ).toEqual(['将「放射科」移到 临床科室 之下']);
    // Not fooled into swallowing an unrelated edit that follows.
    expect(summarizeAll([...gapMove, { type: 'dept.update', id: 202, name: '呼吸科' }], wc)).toEqual([
      '心血管内科：第 1 位 → 第 2 位',
      '重命名部门「呼吸内科」为「呼吸科」',
    ]);
  });

  it('is one line in 差异, even when the siblings were renumbered', () => {
    for (const ops of [gapMove, renumbered]) {
      const lines = treeDiff(base, WorkingCopy.build(base, ops)).filter((l) => l.kind === 'reordered');
      expect(lines.map((l) => [l.key, l.text])).toEqual([['201', '心血管内科：第 1 位 → 第 2 位']]);
    }
  });

  it('in 差异, two departments placed together are both named, their neighbour is not', () => {
    const wc = WorkingCopy.build(base, [
      { type: 'dept.update', id: 202, order: 50 },
      { type: 'dept.update', id: 203, order: 40 },
    ]);
    expect(treeDiff(base, wc).map((l) => l.text)).toEqual([
      '呼吸内科：第 2 位 → 第 1 位',
      '骨科：第 3 位 → 第 2 位',
    ]);
  });

  it('with a gap, pushes one department update', () => {
    const calls = planCalls(base, gapMove);
    expect(calls.map((c) => [c.call, c.summary])).toEqual([
      [{ kind: 'dept.update', id: 201, order: 15 }, '心血管内科：第 1 位 → 第 2 位'],
    ]);
  });

  it('renumbered, tells the audit log which department moved and why the others change', () => {
    const calls = planCalls(base, renumbered);
    expect(calls.map((c) => c.summary)).toEqual([
      '心血管内科：第 1 位 → 第 2 位',
      '调整「呼吸内科」的排序值（位置不变，为相邻部门让出位置）',
      '调整「骨科」的排序值（位置不变，为相邻部门让出位置）',
    ]);
  });
});

describe('a new member in the change list and 差异', () => {
  it('shows the fields that will be written, a mistyped 手机 included', () => {
    const base = hospital();
    const op: ChangeOp = {
      type: 'member.create',
      userid: 'LiSiTest',
      fields: {
        name: '李思',
        alias: '',
        mobile: '1380013800',
        email: '',
        telephone: '',
        position: '护士',
        gender: '2',
        departments: [{ departmentId: 203, order: 0, isLeader: false }],
        mainDepartment: 203,
        directLeader: ['lisi'],
        enable: true,
      },
    };
    const text = '新建成员 李思（LiSiTest）：手机 1380013800；职务 护士；性别 女；部门 骨科；直属上级 李四';
    expect(summarizeAll([op], WorkingCopy.build(base))).toEqual([text]);
    const [line] = treeDiff(base, WorkingCopy.build(base, [op]));
    expect(line!.text).toBe(text.replace('新建成员', '新增成员'));
  });
});
