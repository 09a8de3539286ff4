// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { change } from '../../test-support/org-edit-fixtures';
import { dept, member, sampleDepartments, syncedState } from '../../test-support/org-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { useMemberDrop } from './member-drag';

describe('useMemberDrop', () => {
  it('refuses a rule-kept positional group with the reason, and stages nothing', async () => {
    const staged: ChangeOp[][] = [];
    let drop: ReturnType<typeof useMemberDrop> | null = null;
    function Probe() {
      drop = useMemberDrop();
      return null;
    }
    const app = renderWithServices(<Probe />, {
      'org.getTree': () => ok({ departments: [...sampleDepartments, dept(30, '正副主任', 12)] }),
      'org.getMemberIndex': () => ok({ rows: [], total: 0 }),
      'org.getSyncState': () => ok(syncedState),
      'org.listMembers': () => ok({ members: [member('lisi', '李四', 21)] }),
      'orgEdit.stage': (input) => {
        staged.push(input.ops);
        return ok({ change: change(staged.length, input.label, input.ops) });
      },
      'orgEdit.listChanges': () => ok({ changes: [], canUndo: true, canRedo: false, diff: [] }),
    });
    await act(() => app.services.org.getState().load());
    await act(() => app.services.org.getState().selectDepartment(21));
    let result: boolean | undefined;
    await act(async () => {
      result = await drop!(['lisi'], 21, 30, true);
    });
    expect(result).toBe(false);
    expect(staged).toEqual([]);
    expect(await screen.findByText(/「正副主任」由分组规则按职务自动维护，不能手动放入/)).toBeTruthy();
    // An ordinary department still takes the member.
    await act(async () => {
      result = await drop!(['lisi'], 21, 20, true);
    });
    expect(result).toBe(true);
    expect(staged).toHaveLength(1);
  });
});
