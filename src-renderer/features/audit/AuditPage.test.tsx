// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditFilter } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { sampleDepartments, syncedState } from '../../test-support/org-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { AuditPage } from './AuditPage';

const entries: AuditEntry[] = [
  {
    id: 2,
    at: '2026-11-27T02:03:04.000Z',
    api: 'member.update',
    summary: '修改 张三：手机 13800000001 → 13900000009',
    entity: 'member',
    key: 'zhangsan',
    before: '{}',
    after: '{}',
    result: '失败：WECOM_REQUEST_REJECTED（60104）',
    actor: 'clerk@PC-01',
    profile: '企业 wwreal',
    kindLabel: '成员 · 修改',
    changes: [{ label: '手机', before: '13800000001', after: '13900000009' }],
    outcome: 'failed',
    errorCode: 'WECOM_REQUEST_REJECTED',
    errcode: 60104,
  },
  {
    id: 1,
    at: '2026-11-26T02:03:04.000Z',
    api: 'dept.update',
    summary: '骨科：第 2 位 → 第 1 位',
    entity: 'department',
    key: '21',
    before: null,
    after: null,
    result: '成功',
    actor: '',
    profile: '企业 wwreal',
    kindLabel: '部门 · 修改',
    changes: [],
    outcome: 'ok',
    errorCode: null,
    errcode: null,
  },
];

function renderPage() {
  const filters: Array<AuditFilter | undefined> = [];
  const app = renderWithServices(<AuditPage />, {
    'audit.list': ({ filter }) => {
      filters.push(filter);
      return ok({ entries: filter ? entries.slice(0, 1) : entries });
    },
    'audit.export': () => ok({ filename: '操作记录-2026-11-27.xlsx', base64: 'UEsDBA==', rows: 1 }),
    'org.getTree': () => ok({ departments: sampleDepartments }),
    'org.getSyncState': () => ok(syncedState),
  });
  return { ...app, filters, page: screen.getByTestId('audit-page') };
}

beforeEach(() => {
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
});
afterEach(() => vi.restoreAllMocks());

describe('AuditPage', () => {
  it('shows 操作人, the kind and the result in words, never API paths or internal codes', async () => {
    const { page } = renderPage();
    await act(async () => {});
    const row = within(page).getByTestId('audit-row-2');
    expect(within(row).getByText('clerk@PC-01')).toBeTruthy();
    expect(within(row).getByText('成员 · 修改')).toBeTruthy();
    expect(within(row).getByText('失败（错误码 60104）')).toBeTruthy();
    expect(within(within(page).getByTestId('audit-row-1')).getByText('（未记录）')).toBeTruthy();
    expect(page.textContent).not.toContain('member.update');
    expect(page.textContent).not.toContain('WECOM_REQUEST_REJECTED');
    expect(page.textContent).not.toContain('{}');
  });

  it('an expanded row lists the changed fields, old struck through and new highlighted', async () => {
    const { page } = renderPage();
    await act(async () => {});
    fireEvent.click(within(within(page).getByTestId('audit-row-2')).getByRole('button', { name: /展开行/ }));
    const changes = await screen.findByTestId('audit-changes-2');
    const cells = within(changes).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['13800000001', '13900000009']);
    expect(cells[0]!.querySelector('del')).toBeTruthy();
    expect(cells[1]!.querySelector('mark')).toBeTruthy();
    expect(within(changes).getByRole('rowheader').textContent).toBe('手机');
  });

  it('filters by person, kind and department, and clears them', async () => {
    const { filters } = renderPage();
    await act(async () => {});
    const search = screen.getByRole('searchbox', { name: '操作人或成员' });
    fireEvent.change(search, { target: { value: ' 张三 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await act(async () => {});
    expect(filters.at(-1)).toEqual({ person: '张三' });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '操作类型' }));
    fireEvent.click(await screen.findByTitle('成员'));
    await act(async () => {});
    expect(filters.at(-1)).toEqual({ person: '张三', kind: 'member' });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '部门' }));
    fireEvent.click(await screen.findByTitle('演示医院/临床科室/骨科'));
    await act(async () => {});
    expect(filters.at(-1)).toEqual({ person: '张三', kind: 'member', departmentId: 21 });

    fireEvent.click(screen.getByRole('button', { name: /清除筛选/ }));
    await act(async () => {});
    expect(filters.at(-1)).toBeUndefined();
  });

  it('exports the filtered list as .xlsx and says how many rows', async () => {
    const { api } = renderPage();
    await act(async () => {});
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '操作类型' }));
    fireEvent.click(await screen.findByTitle('部门'));
    await act(async () => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: /导出 Excel/ }));
    await act(async () => {});
    expect(api.calls.filter((c) => c.name === 'audit.export').map((c) => c.input)).toEqual([
      { filter: { kind: 'department' } },
    ]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('已导出 1 条操作记录')).toBeTruthy();
  });
});
