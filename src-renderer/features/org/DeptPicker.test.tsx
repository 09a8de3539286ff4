// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { dept } from '../../test-support/org-fixtures';
import { renderWithServices as render } from '../../test-support/render-app';
import { buildDeptTree } from './dept-tree-model';
import { deptSearch, deptTreeData, DeptPickerModal, type DeptOption } from './DeptPicker';

const tree = buildDeptTree([
  dept(1, '演示医院', 0),
  dept(12, '临床科室', 1, 800),
  { ...dept(20, '心内科', 12, 10), pinyin: 'xinneike', initials: 'xnk' },
  { ...dept(21, '骨科', 12, 20), pinyin: 'guke', initials: 'gk' },
]);

const flat = (nodes: DeptOption[]): DeptOption[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);

describe('department picker search', () => {
  const nodes = flat(deptTreeData(tree));
  // What antd does with deptSearch.treeNodeFilterProp: a case-insensitive substring test.
  const matching = (q: string) =>
    nodes.filter((n) => n[deptSearch.treeNodeFilterProp].includes(q.toLowerCase())).map((n) => n.title);

  it('finds a department by name, full pinyin or initials', () => {
    expect(matching('心内')).toEqual(['心内科']);
    expect(matching('xinnei')).toEqual(['心内科']);
    expect(matching('XNK')).toEqual(['心内科']);
    expect(matching('gk')).toEqual(['骨科']);
  });

  it('finds by name when a department has no pinyin (an older host)', () => {
    expect(matching('临床')).toEqual(['临床科室']);
    expect(matching('lc')).toEqual([]);
  });

  it('移动到…: typing initials offers the department, Enter takes it and OK moves there', async () => {
    const onOk = vi.fn();
    render(<DeptPickerModal open title="移动到…" tree={tree} onOk={onOk} onCancel={() => {}} />);
    const box = screen.getByRole('combobox', { name: '目标部门' });
    fireEvent.change(box, { target: { value: 'xnk' } });
    await waitFor(() =>
      expect(document.querySelector('.ant-select-tree-node-content-wrapper[title="心内科"]')).not.toBeNull(),
    );
    expect(document.querySelector('.ant-select-tree-node-content-wrapper[title="骨科"]')).toBeNull();
    // The keyboard way (as in e2e/specs/keyboard.spec.ts): Enter takes the first match.
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    const ok = screen.getByRole('button', { name: '确定' });
    await waitFor(() => expect(ok.hasAttribute('disabled')).toBe(false));
    fireEvent.click(ok);
    expect(onOk).toHaveBeenCalledWith(20);
  });
});
