// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeOp } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { change } from '../../test-support/org-edit-fixtures';
import { sampleDepartments, syncedState } from '../../test-support/org-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { DeptActionsProvider } from './DeptActions';
import { DeptTree } from './DeptTree';

// jsdom lays nothing out: give every element a size so the virtualised tree renders its rows.
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(320);
});
afterEach(() => vi.restoreAllMocks());

async function renderTree() {
  const staged: Array<{ label: string; ops: ChangeOp[] }> = [];
  const app = renderWithServices(
    <DeptActionsProvider>
      <DeptTree />
    </DeptActionsProvider>,
    {
      'org.getTree': () => ok({ departments: sampleDepartments }),
      'org.getMemberIndex': () => ok({ rows: [], total: 0 }),
      'org.getSyncState': () => ok(syncedState),
      'org.listMembers': () => ok({ members: [] }),
      'orgEdit.stage': (input) => {
        staged.push(input);
        return ok({ change: change(staged.length, input.label, input.ops) });
      },
      'orgEdit.listChanges': () => ok({ changes: [], canUndo: true, canRedo: false, diff: [] }),
    },
  );
  await act(() => app.services.org.getState().load());
  const org = app.services.org.getState();
  act(() => org.setExpanded([...org.expandedIds, '12'])); // 临床科室 open: 骨科, 心内科
  /** Like a keyboard: Alt goes down first (headless-tree tracks held keys), then the key, then both up. */
  const press = (key: string, init: { altKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean } = {}) =>
    act(() => {
      const tree = screen.getByRole('tree', { name: '部门树' });
      if (init.altKey) fireEvent.keyDown(tree, { key: 'Alt', code: 'AltLeft', altKey: true });
      fireEvent.keyDown(tree, { key, code: key, ...init });
      fireEvent.keyUp(tree, { key, code: key, ...init });
      if (init.altKey) fireEvent.keyUp(tree, { key: 'Alt', code: 'AltLeft' });
    });
  const row = (id: number) => screen.getByTestId(`dept-${id}`);
  return { ...app, staged, press, row };
}

describe('DeptTree hotkeys', () => {
  it('F2 opens 重命名部门 on the focused department', async () => {
    const { press, row } = await renderTree();
    fireEvent.click(row(21));
    await press('F2');
    const dialog = await screen.findByRole('dialog', { name: '重命名部门' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('部门名称').value).toBe('骨科');
  });

  it('Ctrl+Shift+D opens 移动到… for the focused department', async () => {
    const { press, row } = await renderTree();
    fireEvent.click(row(21));
    await press('D', { ctrlKey: true, shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: /移动/ });
    expect(dialog.textContent).toContain('骨科');
  });

  it('Insert opens 新建子部门 under the focused department', async () => {
    const { press, row } = await renderTree();
    fireEvent.click(row(21));
    await press('Insert');
    const dialog = await screen.findByRole('dialog', { name: '新建子部门' });
    expect(dialog.textContent).toContain('上级部门：演示医院/临床科室/骨科');
  });

  it('Delete asks first, with 取消 focused, then stages the deletion', async () => {
    const { press, row, staged } = await renderTree();
    fireEvent.click(row(13)); // 后勤保障部: no members, no sub-departments
    await press('Delete');
    const dialog = await screen.findByRole('dialog', { name: '删除部门「后勤保障部」？' });
    expect(staged).toEqual([]);
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '取消' })),
    );
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '删除' })));
    expect(staged).toEqual([{ label: '删除部门「后勤保障部」', ops: [{ type: 'dept.delete', id: 13 }] }]);
  });

  it('Delete on a department with members says why WeCom would refuse, without asking', async () => {
    const { press, row, staged } = await renderTree();
    fireEvent.click(row(21)); // 骨科: 1 member
    await press('Delete');
    expect(
      await screen.findByText('「骨科」还有 1 名成员，企业微信不允许删除，请先把成员移到其他部门'),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(staged).toEqual([]);
  });

  it('Alt+↑ stages moving the focused department up among its siblings', async () => {
    const { press, row, staged } = await renderTree();
    fireEvent.click(row(20)); // 心内科, after 骨科
    await press('ArrowUp', { altKey: true });
    expect(staged.map((s) => s.label)).toEqual(['上移「心内科」']);
    expect(staged[0]!.ops.length).toBeGreaterThan(0);
  });

  it('F2 on a pinned top group says why instead of opening a dialog', async () => {
    const { press, row } = await renderTree();
    fireEvent.click(row(12));
    await press('F2');
    expect(await screen.findByText('「临床科室」是固定的六大组别之一，不能改名')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
