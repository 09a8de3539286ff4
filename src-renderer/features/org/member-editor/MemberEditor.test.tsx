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
      (el) => el.querySelector('.ant-form-item-label')?.textContent?.replace('（可选）', '') === label,
    )!;
  return { ...app, drawer, item };
}

const isMarkedOptional = (item: HTMLElement) =>
  item.querySelector('.ant-form-item-label')!.textContent!.includes('（可选）');

describe('MemberEditor validation display', () => {
  it('marks what WeCom requires of a new member and only the rest as optional', async () => {
    const { item } = await openNewMember();
    for (const label of ['账号', '姓名', '部门']) expect(isMarkedOptional(item(label)), label).toBe(false);
    for (const label of ['别名', '座机', '职务']) expect(isMarkedOptional(item(label)), label).toBe(true);
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
