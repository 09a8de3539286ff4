// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape, Conflict, OutboxOp } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { change, conflict, outboxOp } from '../../test-support/org-edit-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { PushModal } from './PushModal';

/** A push of one pending change, whose end (conflicts, per-call results) the push state then holds. */
async function renderPush(after: { conflicts?: Conflict[]; ops?: OutboxOp[] } = {}) {
  let finished = false;
  const app = renderWithServices(<PushModal open onClose={() => {}} />, {
    'orgEdit.listChanges': () =>
      ok({ changes: [change(1, '修改成员「张三」')], canUndo: true, canRedo: false, diff: [] }),
    'orgEdit.startPush': () => ok({ jobId: 'p1' }),
    'orgEdit.getPushState': () =>
      ok({
        conflicts: finished ? (after.conflicts ?? []) : [],
        ops: finished ? (after.ops ?? []) : [],
        runningJobId: null,
      }),
  });
  const changes = app.services.changes;
  await act(() => changes.getState().refresh());
  await act(() => changes.getState().startPush());
  const progress = (phase: string, done: number, total: number) =>
    act(() => app.api.emit('job.progressed', { jobId: 'p1', kind: 'org.push', phase, done, total }));
  const finish = (error?: AppErrorShape) =>
    act(async () => {
      finished = true;
      app.api.emit('job.finished', {
        jobId: 'p1',
        kind: 'org.push',
        ok: !error,
        ...(error ? { error } : {}),
      });
    });
  return { ...app, progress, finish };
}

const failure = (code: AppErrorShape['code'], details?: Record<string, unknown>): AppErrorShape => ({
  code,
  message: code,
  retryable: false,
  correlationId: 'c1',
  ...(details ? { details } : {}),
});

describe('PushModal', () => {
  it('while running: the phase and count, and the dialog may be left to run in the background', async () => {
    const { progress } = await renderPush();
    await progress('apply', 2, 5);
    const bar = screen.getByTestId('push-progress');
    expect(bar.textContent).toContain('推送修改 2/5');
    expect(within(bar).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('2/5');
    expect(screen.getByText('在后台继续')).toBeTruthy();
    expect(screen.queryByText('再次推送')).toBeNull();
  });

  it('done: says how many calls reached WeCom', async () => {
    const { finish } = await renderPush({ ops: [outboxOp(1, 'done'), outboxOp(2, 'done')] });
    await finish();
    expect(screen.getByTestId('push-success').textContent).toContain('2 项操作已写入企业微信');
    expect(screen.queryByTestId('push-progress')).toBeNull();
  });

  it('conflicts: the push is paused and each conflict offers both sides', async () => {
    const { finish } = await renderPush({ conflicts: [conflict(1)] });
    await finish(failure('CONFLICTS'));
    expect(screen.getByText('企业微信中有 1 处被别人同时修改')).toBeTruthy();
    const card = screen.getByTestId('conflict-1');
    expect(card.textContent).toContain('成员：张三');
    expect(within(card).getByText('主任')).toBeTruthy();
    expect(within(card).getByText('副主任')).toBeTruthy();
    expect(within(card).getByText('保留我的修改')).toBeTruthy();
    expect(within(card).getByText('采用企业微信的版本')).toBeTruthy();
    expect(screen.queryByTestId('push-error')).toBeNull();
    // 再次推送 waits until every conflict is settled.
    expect(screen.getByText('再次推送').closest('button')!.disabled).toBe(true);
  });

  it('partial failure: the rest went out; the refused call waits with 重试 / 跳过 / 以企业微信为准', async () => {
    const { finish } = await renderPush({
      ops: [outboxOp(1, 'done'), outboxOp(2, 'failed', 'WECOM_REQUEST_REJECTED')],
    });
    await finish(failure('WECOM_REQUEST_REJECTED', { failed: 1 }));
    expect(screen.getByTestId('push-partial').textContent).toContain(
      '推送完成，但有 1 项操作未被企业微信接受',
    );
    expect(screen.queryByTestId('push-error')).toBeNull();
    const failed = screen.getByTestId('op-2');
    expect(failed.getAttribute('data-status')).toBe('failed');
    for (const action of ['重试', '跳过', '以企业微信为准'])
      expect(within(failed).getByText(action).closest('button')!.disabled).toBe(false);
    expect(within(screen.getByTestId('op-1')).queryByText('重试')).toBeNull();
  });

  it('a network failure keeps the changes and says so', async () => {
    const { finish } = await renderPush();
    await finish(failure('NETWORK'));
    const alert = screen.getByTestId('push-error');
    expect(alert.textContent).toContain('推送失败：无法连接企业微信（网络不通）');
    expect(alert.textContent).toContain('所有修改都已保留在本机');
    expect(screen.getByText('再次推送').closest('button')!.disabled).toBe(false);
  });
});
