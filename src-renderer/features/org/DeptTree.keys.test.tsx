// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberIndexRow } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { dept, row, sampleDepartments, syncedState } from '../../test-support/org-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { DeptActionsProvider } from './DeptActions';
import { DeptToolbar } from './DeptToolbar';
import { DeptTree } from './DeptTree';

beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(320);
});
afterEach(() => vi.restoreAllMocks());

// 心内科 (20) and 骨科 (21) under 临床科室 (12); 正副主任 (30) is its rule-kept positional group.
const departments = [...sampleDepartments, dept(30, '正副主任', 12, 1, null, 1)];
// 王五 is in both 心内科 and 骨科: he counts once for 临床科室 and the hospital.
const rows: MemberIndexRow[] = [
  row('zhangsan', '张三', 'zhangsan', 'zs', [20]),
  row('lisi', '李四', 'lisi', 'ls', [21]),
  row('wangwu', '王五', 'wangwu', 'ww', [20, 21, 30]),
];

async function renderTree() {
  const app = renderWithServices(
    <DeptActionsProvider>
      <DeptToolbar />
      <DeptTree />
    </DeptActionsProvider>,
    {
      'org.getTree': () => ok({ departments }),
      'org.getMemberIndex': () => ok({ rows, total: rows.length }),
      'org.getSyncState': () => ok(syncedState),
      'org.listMembers': () => ok({ members: [] }),
    },
  );
  await act(() => app.services.org.getState().load());
  const org = app.services.org.getState();
  act(() => org.setExpanded([...org.expandedIds, '12']));
  const tree = () => screen.getByRole('tree', { name: '部门树' });
  const key = (init: { key: string; code: string; ctrlKey?: boolean; shiftKey?: boolean }) =>
    act(() => {
      fireEvent.keyDown(tree(), init);
    });
  const release = (init: { key: string; code: string }) =>
    act(() => {
      fireEvent.keyUp(tree(), init);
    });
  return { ...app, tree, key, release, row: (id: number) => screen.getByTestId(`dept-${id}`) };
}

describe('DeptTree counts', () => {
  it('counts members with sub-departments, each once, and gives the direct count in the tooltip', async () => {
    const { row } = await renderTree();
    expect(row(12).querySelector('.dept-count')?.textContent).toBe('3');
    expect(row(12).getAttribute('title')).toBe('含下级共 3 人，直属成员 0 人');
    expect(row(1).querySelector('.dept-count')?.textContent).toBe('3');
    expect(row(20).getAttribute('title')).toBe('含下级共 2 人，直属成员 2 人');
  });

  it('badges a rule-kept positional group 「规则维护」 and says why in its tooltip', async () => {
    const { row } = await renderTree();
    expect(within(row(30)).getByText('规则维护')).toBeTruthy();
    expect(row(30).getAttribute('title')).toContain('由分组规则按职务自动维护');
    expect(within(row(21)).queryByText('规则维护')).toBeNull();
  });
});

describe('DeptTree keyboard', () => {
  it('shows a banner while keyboard-move mode is on and clears it on Esc', async () => {
    const { key, release, row } = await renderTree();
    fireEvent.click(row(21));
    expect(screen.queryByTestId('keyboard-move-banner')).toBeNull();
    await key({ key: 'Control', code: 'ControlLeft', ctrlKey: true });
    await key({ key: 'Shift', code: 'ShiftLeft', ctrlKey: true, shiftKey: true });
    await key({ key: 'D', code: 'KeyD', ctrlKey: true, shiftKey: true });
    await release({ key: 'D', code: 'KeyD' });
    await release({ key: 'Shift', code: 'ShiftLeft' });
    await release({ key: 'Control', code: 'ControlLeft' });
    expect(screen.getByTestId('keyboard-move-banner').textContent).toContain('回车放下，Esc 取消');
    await key({ key: 'Escape', code: 'Escape' });
    await release({ key: 'Escape', code: 'Escape' });
    expect(screen.queryByTestId('keyboard-move-banner')).toBeNull();
    expect(screen.queryByTestId('drop-hint')).toBeNull();
  });

  it('「?」 opens the shortcut legend, drawn from the declared commands', async () => {
    const { key, row } = await renderTree();
    fireEvent.click(row(21));
    await key({ key: '?', code: 'Slash', shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: '键盘快捷键' });
    const tree = within(dialog).getByRole('region', { name: '部门树' });
    expect(tree.textContent).toContain('F2重命名');
    expect(tree.textContent).toContain('Del删除部门');
    const members = within(dialog).getByRole('region', { name: '成员表' });
    expect(members.textContent).toContain('Del删除');
    expect(members.textContent).toContain('Enter查看详情');
  });

  it('the toolbar 「?」 button opens the same legend', async () => {
    await renderTree();
    fireEvent.click(screen.getByRole('button', { name: '键盘快捷键' }));
    expect(await screen.findByRole('dialog', { name: '键盘快捷键' })).toBeTruthy();
  });

  it('pinyin type-ahead focuses the department and the selection follows', async () => {
    const { key, row, services } = await renderTree();
    fireEvent.click(row(20)); // 心内科
    await key({ key: 'g', code: 'KeyG' });
    await key({ key: 'k', code: 'KeyK' });
    await waitFor(() => expect(row(21).className).toContain('is-focused'));
    await waitFor(() => expect(services.org.getState().selectedDeptId).toBe(21));
  });

  it('↓ moves the focus and the member panel follows without Enter', async () => {
    const { key, row, services } = await renderTree();
    fireEvent.click(row(20));
    expect(services.org.getState().selectedDeptId).toBe(20);
    const next = row(20).nextElementSibling as HTMLElement;
    await key({ key: 'ArrowDown', code: 'ArrowDown' });
    await waitFor(() => expect(services.org.getState().selectedDeptId).not.toBe(20));
    expect(next.getAttribute('data-testid')).toBe(`dept-${services.org.getState().selectedDeptId}`);
  });
});
