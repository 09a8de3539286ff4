// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Change, DiffLine } from '../../../src-main/contract';
import { err, ok } from '../../test-support/fake-api';
import { change } from '../../test-support/org-edit-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { ChangeListDrawer } from './ChangeListDrawer';

async function renderList(changes: Change[] | 'fails', diff: DiffLine[] = []) {
  const app = renderWithServices(<ChangeListDrawer open onClose={() => {}} />, {
    'orgEdit.listChanges': () =>
      changes === 'fails'
        ? err('DB_CORRUPT')
        : ok({ changes, canUndo: changes.length > 0, canRedo: false, diff }),
    'orgEdit.discard': () => ok({ discarded: 1 }),
    'orgEdit.startPush': () => ok({ jobId: 'p1' }),
    'orgEdit.previewPush': () => ok({ changes: 1, calls: 1, byKind: [], carried: 0, failed: 0, demo: false }),
  });
  await act(() => app.services.changes.getState().refresh());
  return { ...app, list: screen.getByTestId('change-list') };
}

describe('ChangeListDrawer', () => {
  it('empty: says there is nothing to push, and 全部放弃 / 撤销 are disabled', async () => {
    const { list } = await renderList([]);
    expect(list.textContent).toContain('没有待推送的修改');
    expect(screen.getByRole('dialog', { name: '待推送的修改（0）' })).toBeTruthy();
    // The drawer's own buttons (their icons add to the accessible name: 「undo 撤销」).
    for (const name of [/全部放弃/, /撤销/, /重做/, /推送到企业微信/])
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(true);
  });

  it('pending: lists the changes newest first, each with its own 放弃此项', async () => {
    const { list } = await renderList([
      change(1, '把「骨科」改名为「骨外科」'),
      change(2, '新建部门「新病区」'),
    ]);
    expect(screen.getByText('待推送的修改（2）')).toBeTruthy();
    const rows = [within(list).getByTestId('change-2'), within(list).getByTestId('change-1')];
    expect(rows[0]!.compareDocumentPosition(rows[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(rows.map((r) => within(r).getAllByText(/「/)[0]!.textContent)).toEqual([
      '新建部门「新病区」',
      '把「骨科」改名为「骨外科」',
    ]);
    for (const r of rows) expect(within(r).getByText('放弃此项').closest('button')).toBeTruthy();
    expect(screen.getByText('全部放弃').closest('button')!.disabled).toBe(false);
    // The pending list is not called 修改记录 (too close to the 操作记录 page of what was pushed).
    expect(screen.getByRole('tab', { name: '待推送清单（2）' })).toBeTruthy();
    expect(screen.queryByText(/修改记录/)).toBeNull();
  });

  it('放弃此项 asks first, with 取消 focused, then drops only that change', async () => {
    const { api, list } = await renderList([
      change(1, '把「骨科」改名为「骨外科」'),
      change(2, '新建部门「新病区」'),
    ]);
    fireEvent.click(within(within(list).getByTestId('change-1')).getByText('放弃此项'));
    const pop = await screen.findByText('放弃这一项修改？');
    const tip = pop.closest('.ant-popover')! as HTMLElement;
    expect(api.calls.some((c) => c.name === 'orgEdit.discard')).toBe(false);
    const cancel = within(tip).getByRole('button', { name: '取消' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(within(tip).getByRole('button', { name: '放弃此项' }));
    await act(async () => {});
    expect(api.calls.filter((c) => c.name === 'orgEdit.discard').map((c) => c.input)).toEqual([
      { changeId: 1 },
    ]);
  });

  it('pushes from the list: the same flow as the header button, confirmation summary first', async () => {
    const app = await renderList([change(1, '下移「骨科」')]);
    fireEvent.click(screen.getByRole('button', { name: /推送到企业微信/ }));
    await act(async () => {});
    // the push dialog (mounted by the changes bar) asks for the summary; nothing is written yet
    const { api } = app;
    expect(api.calls.filter((c) => c.name === 'orgEdit.previewPush')).toHaveLength(1);
    expect(api.calls.filter((c) => c.name === 'orgEdit.startPush')).toHaveLength(0);
    expect(app.services.changes.getState().pushDialogOpen).toBe(true);
  });

  it('差异 reads as sentences, without a kind badge repeating them', async () => {
    await renderList(
      [change(1, '下移「骨科」')],
      [
        {
          kind: 'reordered',
          entity: 'department',
          key: '203',
          text: '骨科：第 8 位 → 第 9 位',
          before: '新区医院/临床科室/骨科',
          after: '新区医院/临床科室/骨科',
        },
      ],
    );
    fireEvent.click(screen.getByRole('tab', { name: '差异' }));
    const lines = await screen.findAllByTestId('diff-line');
    expect(lines.map((l) => l.textContent)).toEqual(['骨科：第 8 位 → 第 9 位']);
  });

  it('a list that cannot be read says so', async () => {
    const { list } = await renderList('fails');
    expect(within(list).getByRole('alert').textContent).toContain('读取修改列表失败：');
  });
});
