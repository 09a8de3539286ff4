import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { captureBase, detectConflicts } from './conflicts';
import { treeDiff } from './diff';
import { bigHospital } from './test-fixtures';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

/**
 * Correctness at full scale (3,000 departments / 50,000 members). Timings belong to `npm run bench`,
 * not to the unit suite, where a busy CI machine would make them flaky.
 */
describe('scale: 3,000 departments / 50,000 members', () => {
  const base = bigHospital();

  it('builds the working copy and applies a thousand moves', () => {
    const wc = WorkingCopy.build(base);
    expect(wc.members()).toHaveLength(50_000);
    expect(wc.departments()).toHaveLength(3000);
    for (let i = 0; i < 1000; i++)
      wc.apply({
        type: 'member.update',
        userid: `u${i}`,
        fields: {
          position: '护士长',
          departments: [{ departmentId: 1000, order: 0, isLeader: false }],
          mainDepartment: 1000,
        },
      });
    expect(wc.membersOf(1000).length).toBeGreaterThanOrEqual(1000);
    expect(wc.member('u999')?.position).toBe('护士长');
  });

  it('validates, diffs and checks conflicts for 1,000 ops', () => {
    const wc = WorkingCopy.build(base);
    const ops: ChangeOp[] = [];
    for (let i = 0; i < 1000; i++)
      ops.push({
        type: 'member.update',
        userid: `u${i * 7}`,
        fields: {
          position: '主任',
          departments: [{ departmentId: 1001, order: 0, isLeader: false }],
          mainDepartment: 1001,
        },
      });
    expect(validateOps(wc, ops)).toEqual([]);
    const after = WorkingCopy.build(base, ops);
    expect(treeDiff(base, after).length).toBeGreaterThanOrEqual(1000);
    const change = { id: 1, ops, base: captureBase(base, ops) };
    expect(detectConflicts([change], base)).toEqual([]);
  });
});
