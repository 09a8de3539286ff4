// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape, Conflict, OutboxOp, PushPreview } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { change, conflict, outboxOp } from '../../test-support/org-edit-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { PushModal } from './PushModal';

const preview: PushPreview = {
  changes: 2,
  calls: 43,
  byKind: [
    { kind: 'deptCreate', count: 2 },
    { kind: 'deptOrder', count: 25 },
    { kind: 'memberUpdate', count: 16 },
  ],
  carried: 0,
  failed: 0,
  demo: false,
};

/**
 * The push dialog over a fake main: `before` is what the push state holds before the run (an
 * earlier push's rows), `after` what it holds once the run ended.
 */
async function renderPush(
  after: { conflicts?: Conflict[]; ops?: OutboxOp[]; lastRun?: number[] } = {},
  before: OutboxOp[] = [],
) {
  let finished = false;
  let starts = 0;
  const app = renderWithServices(<PushModal />, {
    'orgEdit.listChanges': () =>
      ok({ changes: [change(1, '修改成员「张三」')], canUndo: true, canRedo: false, diff: [] }),
    'orgEdit.previewPush': () => ok(preview),
    'orgEdit.startPush': () => {
      starts++;
      return ok({ jobId: 'p1' });
    },
    'orgEdit.getPushState': () =>
      ok({
        conflicts: finished ? (after.conflicts ?? []) : [],
        ops: finished ? (after.ops ?? []) : before,
        runningJobId: null,
        lastRunBatchIds: finished ? (after.lastRun ?? [1]) : null,
      }),
  });
  const changes = app.services.changes;
  await act(() => changes.getState().refresh());
  await act(() => changes.getState().loadPushState());
  await act(() => changes.getState().requestPush());
  const confirm = () => act(async () => fireEvent.click(screen.getByRole('button', { name: '开始推送' })));
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
  return { ...app, confirm, progress, finish, starts: () => starts };
}

const failure = (code: AppErrorShape['code'], details?: Record<string, unknown>): AppErrorShape => ({
  code,
  message: code,
  retryable: false,
  correlationId: 'c1',
  ...(details ? { details } : {}),
});

const refused = (id: number, errcode: number, facts?: OutboxOp['facts']): OutboxOp => ({
  ...outboxOp(id, 'failed', 'WECOM_REQUEST_REJECTED'),
  errcode,
  reason: 'mobile existed, hint: [x]',
  ...(facts ? { facts } : {}),
});

describe('PushModal', () => {
  it('asks first: what will be written, by kind, and why there are more calls than changes', async () => {
    const { starts, confirm } = await renderPush();
    const summary = screen.getByTestId('push-confirm');
    expect(within(summary).getByTestId('push-confirm-summary').textContent).toBe(
      '将写入 43 项：2 个新部门、25 个排序、16 名成员',
    );
    expect(summary.textContent).toContain('来自「待推送的修改」中的 2 项修改');
    expect(within(summary).getByTestId('push-confirm-reasons').textContent).toContain('有 25 项排序');
    expect(starts()).toBe(0);
    // 取消 has the focus: Enter does not write to WeCom.
    expect(document.activeElement?.textContent).toBe('取消');
    await confirm();
    expect(starts()).toBe(1);
    expect(screen.queryByTestId('push-confirm')).toBeNull();
  });

  it('取消 writes nothing and closes the dialog', async () => {
    const app = await renderPush();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消' })));
    expect(app.starts()).toBe(0);
    expect(app.services.changes.getState().pushDialogOpen).toBe(false);
  });

  it('while running: four numbered steps, one bar each; earlier steps stay complete', async () => {
    const { confirm, progress } = await renderPush();
    await confirm();
    await progress('pull', 0, 1);
    await progress('conflicts', 1, 1);
    await progress('apply', 5, 23);
    const steps = screen.getByTestId('push-progress');
    const step = (phase: string) => steps.querySelector(`[data-phase="${phase}"]`)!;
    expect(
      [...steps.querySelectorAll('[data-phase]')].map((s) =>
        s.textContent?.slice(0, s.textContent.indexOf(' ') + 3),
      ),
    ).toEqual(['1 拉取', '2 检查', '3 写入', '4 刷新']);
    expect(step('pull').getAttribute('data-state')).toBe('done');
    expect(step('conflicts').getAttribute('data-state')).toBe('done');
    expect(step('apply').getAttribute('data-state')).toBe('active');
    expect(step('apply').textContent).toContain('5/23');
    expect(step('refresh').getAttribute('data-state')).toBe('waiting');
    expect(screen.getByText('在后台继续')).toBeTruthy();
    expect(screen.queryByText('再次推送')).toBeNull();
  });

  it('a new push starts cleared: the previous push’s rows are not shown as part of it', async () => {
    const { confirm, progress } = await renderPush({}, [
      { ...outboxOp(7, 'done'), summary: '修改成员 彭峰' },
    ]);
    await confirm();
    await progress('pull', 0, 1);
    expect(screen.queryByTestId('push-results')).toBeNull();
    expect(screen.queryByText('修改成员 彭峰')).toBeNull();
  });

  it('全部成功 with the count', async () => {
    const { confirm, finish } = await renderPush({ ops: [outboxOp(1, 'done'), outboxOp(2, 'done')] });
    await confirm();
    await finish();
    expect(screen.getByTestId('push-success').textContent).toContain('全部成功：2 项已写入企业微信');
    expect(screen.queryByTestId('push-progress')).toBeNull();
  });

  it('部分成功 with counts, and the 60104 reason naming who holds the mobile', async () => {
    const ops = [
      ...Array.from({ length: 22 }, (_, i) => outboxOp(i + 1, 'done')),
      refused(23, 60104, {
        mobile: '13900001234',
        holderUserid: 'LiSi',
        holderName: '李四',
        holderDepartments: '心血管内科',
      }),
    ];
    const { confirm, finish } = await renderPush({ ops });
    await confirm();
    await finish(failure('WECOM_REQUEST_REJECTED', { failed: 1 }));
    expect(screen.getByTestId('push-partial').querySelector('.ant-alert-title')!.textContent).toBe(
      '部分成功：22 项成功，1 项失败',
    );
    const row = screen.getByTestId('op-23');
    expect(row.getAttribute('data-status')).toBe('failed');
    expect(row.textContent).toContain('手机号 13900001234 已被 李四（LiSi，心血管内科）占用');
    expect(row.textContent).toContain('错误码 60104');
    // WeCom's English is not repeated, and no generic bucket.
    expect(row.textContent).not.toContain('mobile existed');
    expect(row.textContent).not.toContain('请求的数据不符合企业微信的要求');
    for (const action of ['重试', '跳过', '以企业微信为准'])
      expect(within(row).getByText(action).closest('button')!.disabled).toBe(false);
    // One action for the refused rows in the footer; no second, unexplained 再次推送 beside it.
    expect(screen.getByRole('button', { name: '重试失败的操作（1）' })).toBeTruthy();
    expect(screen.queryByText('再次推送')).toBeNull();
  });

  it('未能推送 when every call was refused, or nothing could be written', async () => {
    const { confirm, finish } = await renderPush({ ops: [refused(1, 60008)] });
    await confirm();
    await finish(failure('WECOM_REQUEST_REJECTED', { failed: 1 }));
    expect(screen.getByTestId('push-partial').textContent).toContain('未能推送：1 项都被企业微信拒绝');
    expect(screen.getByTestId('op-1').textContent).toContain('同一上级部门下已有同名部门');
  });

  it('未能推送 on a network failure: nothing written, the changes kept, 再次推送 offered', async () => {
    const { confirm, finish } = await renderPush({ lastRun: [] }, [outboxOp(9, 'done')]);
    await confirm();
    await finish(failure('NETWORK'));
    const alert = screen.getByTestId('push-error');
    expect(alert.querySelector('.ant-alert-title')!.textContent).toBe('未能推送');
    expect(alert.textContent).toContain('所有修改都保留在本机');
    // The older push's row is history, not this run's result.
    expect(screen.queryByTestId('op-9')).toBeNull();
    expect(screen.getByText('再次推送').closest('button')!.disabled).toBe(false);
  });

  it('conflicts: the push is paused and each conflict offers both sides', async () => {
    const { confirm, finish } = await renderPush({ conflicts: [conflict(1)] });
    await confirm();
    await finish(failure('CONFLICTS'));
    expect(screen.getByTestId('push-paused').textContent).toContain('推送已暂停');
    const card = screen.getByTestId('conflict-1');
    expect(card.textContent).toContain('成员：张三');
    expect(within(card).getByText('保留我的修改')).toBeTruthy();
    expect(within(card).getByText('采用企业微信的版本')).toBeTruthy();
    // 再次推送 waits until every conflict is settled.
    expect(screen.queryByText('再次推送')).toBeNull();
  });
});

describe('PushModal confirmation edge cases', () => {
  it('an earlier push left calls in flight: the summary says it finishes them, and 开始推送 is enabled', async () => {
    const app = renderWithServices(<PushModal />, {
      'orgEdit.listChanges': () => ok({ changes: [], canUndo: false, canRedo: false, diff: [] }),
      'orgEdit.previewPush': () =>
        ok({ changes: 0, calls: 0, byKind: [], carried: 3, failed: 0, demo: false }),
      'orgEdit.getPushState': () => ok({ conflicts: [], ops: [], runningJobId: null }),
    });
    await act(() => app.services.changes.getState().requestPush());
    expect(screen.getByTestId('push-confirm-summary').textContent).toBe('将完成上次未完成的 3 项操作');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '开始推送' }).disabled).toBe(false);
  });

  it('changes that cancel out: nothing to write, 开始推送 is disabled', async () => {
    const app = renderWithServices(<PushModal />, {
      'orgEdit.listChanges': () => ok({ changes: [], canUndo: false, canRedo: false, diff: [] }),
      'orgEdit.previewPush': () =>
        ok({ changes: 2, calls: 0, byKind: [], carried: 0, failed: 0, demo: false }),
      'orgEdit.getPushState': () => ok({ conflicts: [], ops: [], runningJobId: null }),
    });
    await act(() => app.services.changes.getState().requestPush());
    expect(screen.getByTestId('push-confirm-summary').textContent).toBe(
      '这些修改相互抵消，不需要写入企业微信',
    );
    expect(screen.getByTestId('push-confirm-reasons').textContent).toContain('相互抵消');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '开始推送' }).disabled).toBe(true);
  });
});
