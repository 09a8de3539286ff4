// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Department } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { sampleDepartments, syncedState } from '../../test-support/org-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { DeptActionsProvider } from './DeptActions';
import { DeptToolbar } from './DeptToolbar';

async function renderToolbar(departments: Department[] = sampleDepartments) {
  const app = renderWithServices(
    <DeptActionsProvider>
      <DeptToolbar />
    </DeptActionsProvider>,
    {
      'org.getTree': () => ok({ departments }),
      'org.getMemberIndex': () => ok({ rows: [], total: 0 }),
      'org.getSyncState': () => ok(syncedState),
      'org.listMembers': () => ok({ members: [] }),
    },
  );
  await act(() => app.services.org.getState().load());
  const select = (id: number) => act(() => app.services.org.getState().selectDepartment(id));
  return { ...app, select };
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
/** The toolbar's buttons, by whether they can be clicked. */
const enabled = (names: string[]) => names.filter((n) => !button(n).disabled);
const EDITS = ['新建子部门', '重命名', '上移', '下移', '删除部门'];

async function tooltipOf(name: string): Promise<string> {
  // Pointer events: React drops mouseenter on a disabled button, a browser's pointerenter still shows the tip.
  fireEvent.pointerEnter(button(name));
  const tip = await screen.findByRole('tooltip');
  return tip.textContent ?? '';
}

describe('DeptToolbar enable rules', () => {
  it('a pinned top group can get sub-departments, but not be renamed, moved or deleted — and says why', async () => {
    const { select } = await renderToolbar();
    await select(12); // 临床科室, pinned
    expect(enabled(EDITS)).toEqual(['新建子部门']);
    expect(await tooltipOf('重命名')).toBe('重命名（F2）：「临床科室」是固定的六大组别之一，不能改名');
  });

  it('the pinned group’s 「…」 menu lists the same commands, disabled with their shortcuts', async () => {
    const { select } = await renderToolbar();
    await select(12);
    fireEvent.click(button('更多部门操作'));
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      '新建子部门Insert',
      '重命名F2',
      '移动到…Ctrl+Shift+D',
      '上移Alt+↑',
      '下移Alt+↓',
      '删除部门Del',
    ]);
    const disabled = items.filter((i) => i.getAttribute('aria-disabled') === 'true');
    expect(disabled.map((i) => i.textContent)).toEqual([
      '重命名F2',
      '移动到…Ctrl+Shift+D',
      '上移Alt+↑',
      '下移Alt+↓',
      '删除部门Del',
    ]);
    expect(
      within(menu)
        .getByRole('menuitem', { name: /删除部门/ })
        .getAttribute('title'),
    ).toBe('「临床科室」是固定的六大组别之一，不能删除');
  });

  it('an empty ordinary department allows every command, and 重命名 opens the dialog with its name', async () => {
    const { select } = await renderToolbar();
    await select(13); // 后勤保障部: no members, no sub-departments
    expect(enabled(EDITS)).toEqual(EDITS);
    expect(await tooltipOf('删除部门')).toBe('删除部门（Del）');
    fireEvent.click(button('重命名'));
    const dialog = await screen.findByRole('dialog', { name: '重命名部门' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('部门名称').value).toBe('后勤保障部');
  });

  it('delete is disabled with WeCom’s reason on a department that still has members', async () => {
    const { select } = await renderToolbar();
    await select(21); // 骨科: 1 member
    expect(enabled(EDITS)).toEqual(['新建子部门', '重命名', '上移', '下移']);
    expect(await tooltipOf('删除部门')).toBe(
      '删除部门（Del）：「骨科」还有 1 名成员，企业微信不允许删除，请先把成员移到其他部门',
    );
  });

  it('delete is disabled on a department with sub-departments, naming how many', async () => {
    const departments = sampleDepartments.map((d) => (d.id === 12 ? { ...d, pinnedRank: null } : d));
    const { select } = await renderToolbar(departments);
    await select(12); // 临床科室 unpinned here: 心内科, 骨科 beneath
    expect(await tooltipOf('删除部门')).toBe(
      '删除部门（Del）：「临床科室」下还有 2 个下级部门，企业微信不允许删除，请先移走或删除下级部门',
    );
  });

  it('a department marked for deletion allows nothing, not even a sub-department', async () => {
    const departments = sampleDepartments.map((d) =>
      d.id === 21 ? { ...d, pending: 'deleted' as const } : d,
    );
    const { select } = await renderToolbar(departments);
    await select(21);
    expect(enabled(EDITS)).toEqual([]);
    expect(await tooltipOf('新建子部门')).toBe('新建子部门（Insert）：「骨科」已标记删除');
  });

  it('the top-level hospital itself can be renamed but not moved or deleted', async () => {
    const { select } = await renderToolbar();
    await select(1);
    expect(enabled(EDITS)).toEqual(['新建子部门', '重命名']);
    expect(await tooltipOf('上移')).toBe('上移（Alt+↑）：「演示医院」是最顶层部门，不能调整顺序');
  });
});
