// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src-main/contract';
import { err, ok } from '../../test-support/fake-api';
import { change } from '../../test-support/org-edit-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { ChangeListDrawer } from './ChangeListDrawer';

async function renderList(changes: Change[] | 'fails') {
  const app = renderWithServices(<ChangeListDrawer open onClose={() => {}} />, {
    'orgEdit.listChanges': () =>
      changes === 'fails'
        ? err('DB_CORRUPT')
        : ok({ changes, canUndo: changes.length > 0, canRedo: false, diff: [] }),
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
    for (const name of [/全部放弃/, /撤销/, /重做/])
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(true);
  });

  it('pending: lists the changes newest first, each with its own 撤销', async () => {
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
    for (const r of rows) expect(within(r).getByText('撤销').closest('button')).toBeTruthy();
    expect(screen.getByText('全部放弃').closest('button')!.disabled).toBe(false);
  });

  it('a list that cannot be read says so', async () => {
    const { list } = await renderList('fails');
    expect(within(list).getByRole('alert').textContent).toContain('读取修改列表失败：');
  });
});
