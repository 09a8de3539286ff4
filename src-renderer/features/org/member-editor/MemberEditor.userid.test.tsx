// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../../src-main/contract';
import { err, ok } from '../../../test-support/fake-api';
import { member, row, sampleDepartments, syncedState } from '../../../test-support/org-fixtures';
import { renderWithServices } from '../../../test-support/render-app';
import { MemberEditor, type EditorTarget } from './MemberEditor';

// The corp writes userids as ZhangNingAn (walkthrough Task 4); LiSi2 is a staged new member.
const rows = [
  row('ZhangNingAn', '张宁安', 'zhangningan|zhangningan', 'zna'),
  row('LiSi', '李四', 'lisi', 'ls'),
  row('LiSi2', '李四', 'lisi', 'ls'),
  row('WangWu', '王五', 'wangwu', 'ww'),
];

async function openEditor(target: EditorTarget, getMember: Member | null = null) {
  const app = renderWithServices(<MemberEditor target={target} onClose={() => {}} />, {
    'org.getTree': () => ok({ departments: sampleDepartments }),
    'org.getMemberIndex': () => ok({ rows, total: rows.length }),
    'org.getSyncState': () => ok(syncedState),
    'org.listMembers': () => ok({ members: [] }),
    'org.findDuplicates': () => ok({ byName: [], byMobile: [] }),
    'org.getMember': () => ok({ member: getMember }),
    'orgEdit.stage': () => err('INVALID_INPUT', { issues: [] }),
  });
  await act(() => app.services.org.getState().load());
  const drawer = await screen.findByRole('dialog');
  return { ...app, drawer };
}

const type = async (drawer: HTMLElement, label: string, value: string) => {
  await act(async () => {
    fireEvent.change(within(drawer).getByLabelText(label), { target: { value } });
  });
};
const useridOf = (drawer: HTMLElement) => (within(drawer).getByLabelText('账号') as HTMLInputElement).value;

describe('MemberEditor 账号', () => {
  it('suggests 账号 from the name in the corp’s pattern, numbered past taken and staged ones', async () => {
    const { drawer } = await openEditor({ userid: null });
    await type(drawer, '姓名', '张宁安');
    await waitFor(() => expect(useridOf(drawer)).toBe('ZhangNingAn2'));
    await type(drawer, '姓名', '李四');
    await waitFor(() => expect(useridOf(drawer)).toBe('LiSi3'));
    await type(drawer, '姓名', '赵六');
    await waitFor(() => expect(useridOf(drawer)).toBe('ZhaoLiu'));
    // Once the clerk types a 账号 of their own it is left alone.
    await type(drawer, '账号', 'zl_2026');
    await type(drawer, '姓名', '赵六六');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(useridOf(drawer)).toBe('zl_2026');
  });

  it('a staged new member keeps an editable 账号; changing it replaces the staged create', async () => {
    const staged = { ...member('LiSi2', '李四', 20, 4), mobile: '13800000001', pending: 'created' as const };
    const { drawer, api } = await openEditor({ userid: 'LiSi2' }, staged);
    await waitFor(() => expect(useridOf(drawer)).toBe('LiSi2'));
    const input = within(drawer).getByLabelText('账号') as HTMLInputElement;
    expect(input.disabled).toBe(false);
    expect(within(drawer).getByText('待推送的新成员')).toBeTruthy();
    expect(within(drawer).queryByText('未激活')).toBeNull();

    await type(drawer, '账号', 'LiSiA');
    await act(async () => {
      fireEvent.click(within(drawer).getByText('保存'));
    });
    await waitFor(() => expect(api.calls.some((c) => c.name === 'orgEdit.stage')).toBe(true));
    const sent = api.calls.find((c) => c.name === 'orgEdit.stage')!.input as {
      label: string;
      ops: Array<{ type: string; userid: string }>;
    };
    expect(sent.ops.map((o) => [o.type, o.userid])).toEqual([
      ['member.delete', 'LiSi2'],
      ['member.create', 'LiSiA'],
    ]);
    expect(sent.label).toContain('LiSi2 → LiSiA');
  });

  it('a member already in WeCom keeps its 账号 locked', async () => {
    const { drawer } = await openEditor({ userid: 'WangWu' }, member('WangWu', '王五', 20, 1));
    await waitFor(() => expect(useridOf(drawer)).toBe('WangWu'));
    expect((within(drawer).getByLabelText('账号') as HTMLInputElement).disabled).toBe(true);
  });
});
