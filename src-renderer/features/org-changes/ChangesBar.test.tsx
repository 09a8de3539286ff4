// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clearToasts } from '../../components/toast-store';
import { err, ok, type FakeHandlers } from '../../test-support/fake-api';
import { change, outboxOp } from '../../test-support/org-edit-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { ChangesBar } from './ChangesBar';

const listing = (canUndo: boolean, canRedo: boolean): FakeHandlers => ({
  'orgEdit.listChanges': () =>
    ok({ changes: canUndo ? [change(1, '把「骨科」改名为「骨外科」')] : [], canUndo, canRedo, diff: [] }),
  'orgEdit.getPushState': () => ok({ conflicts: [], ops: [], runningJobId: null }),
  'orgEdit.undo': () => ok({ changeId: 1 }),
  'orgEdit.redo': () => ok({ changeId: 1 }),
});

async function renderBar(handlers: FakeHandlers) {
  const app = renderWithServices(<ChangesBar />, handlers);
  await act(async () => {}); // the bar's first refresh
  const sent = () =>
    app.api.calls.map((c) => c.name).filter((n) => n === 'orgEdit.undo' || n === 'orgEdit.redo');
  const key = (
    init: { key: string; ctrlKey?: boolean; shiftKey?: boolean; metaKey?: boolean },
    target: Element = document.body,
  ) =>
    act(async () => {
      fireEvent.keyDown(target, init);
    });
  return { ...app, sent, key };
}

afterEach(() => clearToasts());

describe('ChangesBar undo/redo', () => {
  it('Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo', async () => {
    const { sent, key } = await renderBar(listing(true, true));
    await key({ key: 'z', ctrlKey: true });
    await key({ key: 'y', ctrlKey: true });
    await key({ key: 'Z', ctrlKey: true, shiftKey: true });
    expect(sent()).toEqual(['orgEdit.undo', 'orgEdit.redo', 'orgEdit.redo']);
  });

  it('leaves Ctrl+Z to a text field being typed in', async () => {
    const { sent, key } = await renderBar(listing(true, true));
    const input = document.createElement('input');
    document.body.append(input);
    await key({ key: 'z', ctrlKey: true }, input);
    input.remove();
    expect(sent()).toEqual([]);
  });

  it('with nothing to undo or redo, the buttons are disabled and the keys do nothing', async () => {
    const { sent, key } = await renderBar(listing(false, false));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '撤销' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '重做' }).disabled).toBe(true);
    await key({ key: 'z', ctrlKey: true });
    await key({ key: 'y', ctrlKey: true });
    expect(sent()).toEqual([]);
  });

  it('the 撤销 button undoes, and a refusal is reported in Chinese', async () => {
    await renderBar({ ...listing(true, false), 'orgEdit.undo': () => err('NETWORK') });
    const undo = screen.getByRole<HTMLButtonElement>('button', { name: '撤销' });
    expect(undo.disabled).toBe(false);
    await act(async () => fireEvent.click(undo));
    expect(await screen.findByText('撤销失败：无法连接企业微信（网络不通）')).toBeTruthy();
  });

  it('undo says what it undid, and its toast offers 重做', async () => {
    const { sent } = await renderBar(listing(true, true));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '撤销' })));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('已撤销：把「骨科」改名为「骨外科」');
    await act(async () => fireEvent.click(within(toast).getByRole('button', { name: '重做' })));
    expect(sent()).toEqual(['orgEdit.undo', 'orgEdit.redo']);
    expect((await screen.findByTestId('toast')).textContent).toContain('已重做：把「骨科」改名为「骨外科」');
  });
});

describe('ChangesBar push in the background', () => {
  it('shows where a background push is, and a notification when it ends with failures', async () => {
    let finished = false;
    const app = await renderBar({
      ...listing(true, false),
      'orgEdit.previewPush': () =>
        ok({
          changes: 1,
          calls: 2,
          byKind: [{ kind: 'memberUpdate', count: 2 }],
          carried: 0,
          failed: 0,
          demo: true,
        }),
      'orgEdit.startPush': () => ok({ jobId: 'bg1' }),
      'orgEdit.getPushState': () =>
        ok({
          conflicts: [],
          ops: finished ? [outboxOp(1, 'done'), outboxOp(2, 'failed', 'WECOM_REQUEST_REJECTED')] : [],
          runningJobId: null,
          lastRunBatchIds: finished ? [1] : null,
        }),
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /推送到企业微信/ })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '开始推送' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '在后台继续' })));
    expect(app.services.changes.getState().pushDialogOpen).toBe(false);
    await act(async () =>
      app.api.emit('job.progressed', { jobId: 'bg1', kind: 'org.push', phase: 'apply', done: 1, total: 2 }),
    );
    expect(screen.getByTestId('push-indicator').textContent).toContain('推送中：3 写入 1/2');
    await act(async () => {
      finished = true;
      app.api.emit('job.finished', {
        jobId: 'bg1',
        kind: 'org.push',
        ok: false,
        error: {
          code: 'WECOM_REQUEST_REJECTED',
          message: 'x',
          retryable: false,
          correlationId: 'c',
          details: { failed: 1 },
        },
      });
    });
    expect(await screen.findByText('部分成功：1 项成功，1 项失败')).toBeTruthy();
    expect(screen.queryByTestId('push-indicator')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '查看结果' })));
    expect(app.services.changes.getState().pushDialogOpen).toBe(true);
  });
});
