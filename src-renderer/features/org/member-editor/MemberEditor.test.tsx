// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../test-support/fake-api';
import { sampleDepartments, syncedState } from '../../../test-support/org-fixtures';
import { renderWithServices } from '../../../test-support/render-app';
import { MemberEditor } from './MemberEditor';

async function openNewMember() {
  const app = renderWithServices(<MemberEditor target={{ userid: null }} onClose={() => {}} />, {
    'org.getTree': () => ok({ departments: sampleDepartments }),
    'org.getMemberIndex': () => ok({ rows: [], total: 0 }),
    'org.getSyncState': () => ok(syncedState),
    'org.listMembers': () => ok({ members: [] }),
    'org.findDuplicates': () => ok({ byName: [], byMobile: [] }),
  });
  await act(() => app.services.org.getState().load());
  const drawer = await screen.findByRole('dialog', { name: '新建成员' });
  /** The form item around a field, found by its label text. */
  const item = (label: string) =>
    [...drawer.querySelectorAll<HTMLElement>('.ant-form-item')].find(
      (el) => el.querySelector('.ant-form-item-label')?.textContent === label,
    )!;
  return { ...app, drawer, item };
}

/** antd's red * : the label carries ant-form-item-required (hidden by nothing, since the form shows marks). */
const isMarkedRequired = (item: HTMLElement) =>
  item.querySelector('.ant-form-item-label label')!.classList.contains('ant-form-item-required');

/** Types into a field and lets antd's async validation settle. */
async function type(item: HTMLElement, label: string, value: string) {
  await act(async () => {
    fireEvent.change(within(item).getByLabelText(label), { target: { value } });
  });
  await act(async () => {});
}

describe('MemberEditor validation display', () => {
  it('puts the red * on what WeCom requires and nothing on the rest, with no 「可选」 anywhere', async () => {
    const { drawer, item } = await openNewMember();
    for (const label of ['账号', '姓名', '部门']) expect(isMarkedRequired(item(label)), label).toBe(true);
    for (const label of ['别名', '手机', '邮箱', '座机', '职务', '性别', '主部门', '直属上级', '启用'])
      expect(isMarkedRequired(item(label)), label).toBe(false);
    expect(drawer.textContent).not.toContain('可选');
  });

  it('the 排序 box beside a department says what it is', async () => {
    const { drawer } = await openNewMember();
    const row = within(drawer).getByTestId('dept-link');
    expect(row.textContent).toContain('排序');
  });

  it('refuses a 10-digit mobile in Chinese, accepts +86 with its space, refuses stray spaces', async () => {
    const { item } = await openNewMember();
    const mobile = item('手机');
    await type(mobile, '手机', '1381234567');
    expect(await within(mobile).findByText(/请输入 11 位手机号/)).toBeTruthy();
    expect(mobile.classList.contains('ant-form-item-has-error')).toBe(true);

    await type(mobile, '手机', '+86 13800000000');
    expect(mobile.classList.contains('ant-form-item-has-error')).toBe(false);

    await type(mobile, '手机', '138 0000 0000');
    expect(await within(mobile).findByText(/手机号中间不能有空格/)).toBeTruthy();
    expect(mobile.classList.contains('ant-form-item-has-error')).toBe(true);
  });

  it('a bad mobile number is explained under the field as it is typed', async () => {
    const { item } = await openNewMember();
    const mobile = item('手机');
    await act(async () => {
      fireEvent.change(within(mobile).getByLabelText('手机'), { target: { value: '138abc' } });
    });
    expect(await within(mobile).findByText('手机号只能包含数字、+ 和 -')).toBeTruthy();
    expect(mobile.classList.contains('ant-form-item-has-error')).toBe(true);
    await act(async () => {
      fireEvent.change(within(mobile).getByLabelText('手机'), { target: { value: '13800138000' } });
    });
    await act(async () => {});
    // The message fades out (antd animates it away); the field itself is no longer in error.
    expect(mobile.classList.contains('ant-form-item-has-error')).toBe(false);
  });

  it('saving an empty form names each missing item beside its field', async () => {
    const { drawer, item } = await openNewMember();
    await act(async () => {
      fireEvent.click(within(drawer).getByText('保存'));
    });
    expect(await within(item('账号')).findByText('请填写账号')).toBeTruthy();
    expect(within(item('姓名')).getByText('请填写姓名')).toBeTruthy();
  });
});
