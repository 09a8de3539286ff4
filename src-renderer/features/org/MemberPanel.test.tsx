// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeOp, Member, MemberIndexRow } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { change } from '../../test-support/org-edit-fixtures';
import { member, row, sampleDepartments, syncedState } from '../../test-support/org-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { DeptActionsProvider } from './DeptActions';
import { MemberPanel } from './MemberPanel';

beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(900);
});
afterEach(() => vi.restoreAllMocks());

const zhang: Member = { ...member('zhangsan', '张三', 21), mobile: '13800000001', position: '主任' };
const li: Member = { ...member('lisi', '李四', 21), mobile: '13800000002' };
// 心内科 (20) and 骨科 (21) are under 临床科室 (12).
const rows: MemberIndexRow[] = [
  row('zhangsan', '张三', 'zhangsan', 'zs', [21]),
  row('lisi', '李四', 'lisi', 'ls', [21]),
  row('wangwu', '王五', 'wangwu', 'ww', [20]),
];

async function renderPanel() {
  const staged: Array<{ label: string; ops: ChangeOp[] }> = [];
  const onEdit = vi.fn();
  const app = renderWithServices(
    <DeptActionsProvider>
      <MemberPanel onEdit={onEdit} />
    </DeptActionsProvider>,
    {
      'org.getTree': () => ok({ departments: sampleDepartments }),
      'org.getMemberIndex': () => ok({ rows, total: rows.length }),
      'org.getSyncState': () => ok(syncedState),
      'org.listMembers': ({ departmentId }) => ok({ members: departmentId === 21 ? [zhang, li] : [] }),
      'org.getMember': ({ userid }) => ok({ member: [zhang, li].find((m) => m.userid === userid) ?? null }),
      'orgEdit.stage': (input) => {
        staged.push(input);
        return ok({ change: change(staged.length, input.label, input.ops) });
      },
      'orgEdit.listChanges': () => ok({ changes: [], canUndo: true, canRedo: false, diff: [] }),
    },
  );
  await act(() => app.services.org.getState().load());
  await act(() => app.services.org.getState().selectDepartment(21));
  const memberRow = (userid: string) =>
    screen.getAllByTestId('member-row').find((r) => r.getAttribute('data-userid') === userid)!;
  return { ...app, staged, onEdit, memberRow, grid: () => screen.getByRole('grid', { name: '成员列表' }) };
}

describe('MemberPanel', () => {
  it('shows 手机 and 部门 columns for a department’s members', async () => {
    const { memberRow } = await renderPanel();
    const cells = within(memberRow('zhangsan')).getAllByRole('gridcell');
    expect(cells.map((c) => c.textContent)).toEqual(
      expect.arrayContaining(['张三 ', 'zhangsan', '13800000001', '主任', '骨科']),
    );
    expect(screen.getByRole('columnheader', { name: '手机' })).toBeTruthy();
  });

  it('Del on the selected row asks first with 取消 focused, then stages the deletion', async () => {
    const { memberRow, grid, staged } = await renderPanel();
    fireEvent.click(memberRow('zhangsan'));
    fireEvent.keyDown(grid(), { key: 'Delete' });
    const dialog = await screen.findByRole('dialog', { name: '删除成员「张三」？' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '取消' })),
    );
    expect(staged).toEqual([]);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '删除' })));
    expect(staged).toEqual([
      { label: '删除成员「张三」', ops: [{ type: 'member.delete', userid: 'zhangsan' }] },
    ]);
  });

  it('Del with nothing selected does nothing', async () => {
    const { grid, staged } = await renderPanel();
    fireEvent.keyDown(grid(), { key: 'Delete' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(staged).toEqual([]);
  });

  it('a right-click opens the row menu on that row; 查看详情 shows the fields read-only, 编辑 opens the editor', async () => {
    const { memberRow, onEdit } = await renderPanel();
    fireEvent.contextMenu(memberRow('lisi'));
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      '查看详情Enter',
      '编辑F2',
      '移动到部门…',
      '加入部门…',
      '停用',
      '启用',
      '删除Del',
    ]);
    expect(memberRow('lisi').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(menu).getByRole('menuitem', { name: /查看详情/ }));
    const drawer = await screen.findByRole('dialog', { name: '成员详情：李四' });
    expect(await within(drawer).findByText('13800000002')).toBeTruthy();
    expect(within(drawer).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(drawer).getByRole('button', { name: '编辑' }));
    expect(onEdit).toHaveBeenCalledWith('lisi');
  });

  it('a department with sub-departments lists everyone beneath it', async () => {
    const { services } = await renderPanel();
    await act(() => services.org.getState().selectDepartment(12));
    const listed = screen.getAllByTestId('member-row').map((r) => r.getAttribute('data-userid'));
    expect(listed).toEqual(['zhangsan', 'lisi', 'wangwu']);
    expect(screen.getByTestId('member-heading').textContent).toBe('临床科室（含下级部门，共 3 人）');
  });

  it('reads 手机 for the visible rows of an everyone-beneath list, which the index lacks', async () => {
    const { services, memberRow, api } = await renderPanel();
    await act(() => services.org.getState().selectDepartment(12));
    await waitFor(() =>
      expect(within(memberRow('zhangsan')).getAllByRole('gridcell')[3]!.textContent).toBe('13800000001'),
    );
    const asked = api.calls.filter((c) => c.name === 'org.getMember').map((c) => c.input);
    expect(asked).toEqual(
      expect.arrayContaining([{ userid: 'zhangsan' }, { userid: 'lisi' }, { userid: 'wangwu' }]),
    );
  });

  it('a jump from a search hit selects and highlights the person and keeps the query', async () => {
    const { services, memberRow } = await renderPanel();
    await act(() => services.org.getState().selectDepartment(20));
    act(() => services.org.getState().setQuery('lisi'));
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(1));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '李四' })));
    await waitFor(() => expect(services.org.getState().selectedDeptId).toBe(21));
    await waitFor(() => expect(memberRow('lisi').getAttribute('aria-selected')).toBe('true'));
    expect(memberRow('lisi').className).toContain('is-row-active');
    expect(memberRow('zhangsan').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索成员' }).value).toBe('lisi');
    expect(screen.getByRole('button', { name: '返回搜索结果「lisi」' })).toBeTruthy();
  });
});
