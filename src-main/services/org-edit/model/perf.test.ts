import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { captureBase, detectConflicts } from './conflicts';
import { treeDiff } from './diff';
import { bigHospital } from './test-fixtures';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

/** Budgets from the brief (300 ms build), with generous bounds for slow CI machines. */
describe('scale: 3,000 departments / 50,000 members', () => {
  const base = bigHospital();

  it('builds the working copy quickly and applies an op in O(small)', () => {
    WorkingCopy.build(base); // warm-up (JIT)
    const t0 = performance.now();
    const wc = WorkingCopy.build(base);
    const buildMs = performance.now() - t0;
    expect(wc.members()).toHaveLength(50_000);
    expect(wc.departments()).toHaveLength(3000);
    expect(buildMs).toBeLessThan(1500);

    const t1 = performance.now();
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
    const perOp = (performance.now() - t1) / 1000;
    expect(perOp).toBeLessThan(1);
    console.info(`build ${buildMs.toFixed(0)} ms, apply ${(perOp * 1000).toFixed(0)} µs/op`);
  });

  it('validates, diffs and checks conflicts for 1,000 ops quickly', () => {
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
    const t0 = performance.now();
    expect(validateOps(wc, ops)).toEqual([]);
    const validateMs = performance.now() - t0;
    const after = WorkingCopy.build(base, ops);
    const t1 = performance.now();
    expect(treeDiff(base, after).length).toBeGreaterThanOrEqual(1000);
    const diffMs = performance.now() - t1;
    const change = { id: 1, ops, base: captureBase(base, ops) };
    const t2 = performance.now();
    expect(detectConflicts([change], base)).toEqual([]);
    const conflictMs = performance.now() - t2;
    expect(validateMs).toBeLessThan(1000);
    expect(diffMs).toBeLessThan(1000);
    expect(conflictMs).toBeLessThan(1000);
    console.info(
      `validate ${validateMs.toFixed(0)} ms, diff ${diffMs.toFixed(0)} ms, conflicts ${conflictMs.toFixed(0)} ms`,
    );
  });
});
