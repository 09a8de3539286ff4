// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../test-support/fake-api';
import { renderWithServices } from '../../test-support/render-app';
import { ActivationPage } from './ActivationPage';

const row = (departmentId: number, name: string, active: number, notJoined: number) => ({
  departmentId,
  name,
  path: `医院/临床科室/${name}`,
  total: active + notJoined,
  active,
  notJoined,
  disabled: 0,
  left: 0,
});
const report = {
  rows: [row(20, '心内科', 1, 2), row(21, '急诊科', 4, 0)],
  totals: { total: 7, active: 5, notJoined: 2, disabled: 0, left: 0 },
  trend: [],
};
const members = [
  { userid: 'WangXiao', name: '王晓', position: '护士', departments: '心内科', mobile: '13800000001' },
  { userid: 'LiSi', name: '李思', position: '医师', departments: '心内科', mobile: '13800000002' },
];

async function open(recent: string[], lastAt: string | null) {
  const app = renderWithServices(<ActivationPage />, {
    'activation.report': () => ok(report),
    'activation.inviteStatus': () => ok({ lastAt, lastCount: recent.length, recent }),
    'activation.listNotJoined': ({ departmentId }) => ok({ members: departmentId === 20 ? members : [] }),
    'activation.invite': () => ok({ results: [] }),
  });
  await screen.findByText('医院/临床科室/心内科');
  return app;
}

describe('ActivationPage', () => {
  it('drills down to who has not joined, explains 激活率 and shows 100 % where everyone joined', async () => {
    const app = await open([], null);
    const table = screen.getByTestId('activation-table');
    const emergency = within(table).getByText('医院/临床科室/急诊科').closest('tr')!;
    expect(emergency.textContent).toContain('100%');
    expect(screen.getAllByLabelText(/激活率 = 已激活 ÷（人数 − 已禁用 − 已退出）/).length).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(within(table).getByRole('button', { name: '查看 心内科 的未激活成员' }));
    });
    const list = await screen.findByTestId('not-joined');
    expect(await within(list).findByText('王晓')).toBeTruthy();
    expect(within(list).getByText('李思')).toBeTruthy();
    expect(within(list).getByText(/心内科 的未激活成员（2）/)).toBeTruthy();
    expect(app.api.calls).toContainEqual({ name: 'activation.listNotJoined', input: { departmentId: 20 } });
    expect(screen.getByTestId('last-invite').textContent).toBe('还没有发送过邀请');
  });

  it('guards against re-inviting within a day: last invite shown, those people not selectable, 邀请全部 off', async () => {
    const app = await open(['wangxiao', 'lisi'], '2026-11-27T15:37:00Z');
    expect(screen.getByTestId('last-invite').textContent).toMatch(/^上次邀请：2026-11-2\d \d\d:37（2 人）$/);
    const all = screen.getByRole('button', { name: '邀请全部未激活成员' });
    expect((all as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByText('医院/临床科室/心内科'));
    });
    const list = await screen.findByTestId('not-joined');
    await within(list).findByText('王晓');
    expect(within(list).getAllByText('24 小时内已邀请')).toHaveLength(2);
    const boxes = within(list).getAllByRole('checkbox') as HTMLInputElement[];
    // The header "select all" box and both rows: nothing can be picked.
    expect(boxes.every((b) => b.disabled)).toBe(true);
    expect(app.api.calls.some((c) => c.name === 'activation.invite')).toBe(false);
  });

  it('says an invite is sent at once and not staged before sending', async () => {
    const app = await open(['lisi'], '2026-11-27T15:37:00Z');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '邀请全部未激活成员' }));
    });
    const confirm = await screen.findByRole('tooltip');
    expect(confirm.textContent).toContain('邀请 1 名未激活成员？');
    expect(confirm.textContent).toContain('立即发送');
    expect(confirm.textContent).toContain('不进入「待推送的修改」');
    expect(confirm.textContent).toContain('另有 1 人 24 小时内已邀请过');
    await act(async () => {
      fireEvent.click(within(confirm).getByRole('button', { name: /^邀\s?请$/ }));
    });
    expect(app.api.calls).toContainEqual({ name: 'activation.invite', input: { all: true } });
  });
});
