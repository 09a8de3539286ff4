import { describe, expect, it } from 'vitest';
import { createFakeApi, err, flush, ok } from '../../test-support/fake-api';
import { changeBackend, conflict, outboxOp } from '../../test-support/org-edit-fixtures';
import { createChangesStore, failedCallsOf } from './changes-store';
import { groupDiff } from './group-diff';
import { opErrorText } from './push-text';

function setup() {
  const backend = changeBackend();
  let reloads = 0;
  const api = createFakeApi({
    'orgEdit.listChanges': () => ok(backend.list()),
    'orgEdit.stage': ({ label, ops }) => ok({ change: backend.stage(label, ops) }),
    'orgEdit.undo': () => ok({ changeId: backend.undo() }),
    'orgEdit.redo': () => ok({ changeId: backend.redo() }),
    'orgEdit.discard': ({ changeId }) => ok({ discarded: backend.discard(changeId) }),
    'orgEdit.getPushState': () => ok({ conflicts: [], ops: [], runningJobId: null }),
  });
  const store = createChangesStore(api, { onWorkingCopyChanged: () => reloads++, eventDebounceMs: 0 });
  return { api, backend, store, reloads: () => reloads };
}

const rename = { type: 'dept.update' as const, id: 20, name: '心血管内科' };

describe('changes store: staging, undo, redo', () => {
  it('stage = one call, then the list and the working copy reload', async () => {
    const { api, store, reloads } = setup();
    const res = await store.getState().stage('改名', [rename]);
    expect(res.ok).toBe(true);
    expect(api.calls.filter((c) => c.name === 'orgEdit.stage')).toHaveLength(1);
    expect(store.getState().changes.map((c) => c.label)).toEqual(['改名']);
    expect(store.getState().canUndo).toBe(true);
    expect(reloads()).toBe(1);
  });

  it('INVALID_INPUT issues come back in Chinese and nothing reloads', async () => {
    const { api, store, reloads } = setup();
    api.handlers['orgEdit.stage'] = () =>
      err('INVALID_INPUT', {
        issues: [{ path: 'ops.0.name', message: '部门名称不能为空', code: 'dept.nameEmpty', params: {} }],
      });
    const res = await store.getState().stage('改名', [rename]);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.issues).toEqual([
      { path: 'ops.0.name', message: '部门名称不能为空', code: 'dept.nameEmpty', params: {} },
    ]);
    expect(store.getState().changes).toEqual([]);
    expect(reloads()).toBe(0);
    expect(store.getState().busy).toBe(false);
  });

  it('undo, redo and discard go through main and reload', async () => {
    const { store, reloads } = setup();
    await store.getState().stage('A', [rename]);
    await store.getState().stage('B', [{ type: 'dept.delete', id: 21 }]);
    expect(await store.getState().undo()).toBeNull();
    expect(store.getState().changes.map((c) => c.label)).toEqual(['A']);
    expect(store.getState().canRedo).toBe(true);
    await store.getState().redo();
    expect(store.getState().changes.map((c) => c.label)).toEqual(['A', 'B']);
    await store.getState().discard(store.getState().changes[0]!.id);
    expect(store.getState().changes.map((c) => c.label)).toEqual(['B']);
    await store.getState().discard();
    expect(store.getState().changes).toEqual([]);
    expect(reloads()).toBe(6);
  });

  it('orgEdit.changed from elsewhere reloads; the echo of our own stage does not', async () => {
    const { api, backend, store, reloads } = setup();
    await store.getState().stage('A', [rename]);
    const before = api.calls.filter((c) => c.name === 'orgEdit.listChanges').length;
    api.emit('orgEdit.changed', { pending: 1 });
    await flush();
    expect(api.calls.filter((c) => c.name === 'orgEdit.listChanges').length).toBe(before);
    backend.stage('from CLI', [rename]);
    api.emit('orgEdit.changed', { pending: 2 });
    await flush();
    expect(store.getState().changes).toHaveLength(2);
    expect(reloads()).toBe(2);
  });
});

describe('changes store: push', () => {
  it('follows progress and finishes with a success summary', async () => {
    const { api, store, reloads } = setup();
    api.handlers['orgEdit.startPush'] = () => ok({ jobId: 'p1' });
    api.handlers['orgEdit.getPushState'] = () =>
      ok({ conflicts: [], ops: [outboxOp(1, 'done')], runningJobId: null });
    await store.getState().startPush();
    expect(store.getState().push).toMatchObject({ jobId: 'p1' });
    api.emit('job.progressed', { jobId: 'p1', kind: 'org.push', phase: 'apply', done: 2, total: 5 });
    // Sync jobs are not ours.
    api.emit('job.progressed', { jobId: 'p1', kind: 'org.sync', phase: 'members', done: 9, total: 9 });
    expect(store.getState().push).toEqual({ jobId: 'p1', phase: 'apply', done: 2, total: 5 });
    api.emit('job.finished', { jobId: 'p1', kind: 'org.push', ok: true });
    await flush();
    expect(store.getState().push).toBeNull();
    expect(store.getState().pushDoneAt).not.toBeNull();
    expect(store.getState().outbox.map((o) => o.status)).toEqual(['done']);
    expect(reloads()).toBe(1);
  });

  it('keeps events that arrive before startPush answers', async () => {
    const { api, store } = setup();
    api.handlers['orgEdit.startPush'] = () => {
      api.emit('job.progressed', { jobId: 'p9', kind: 'org.push', phase: 'pull', done: 1, total: 3 });
      return ok({ jobId: 'p9' });
    };
    await store.getState().startPush();
    expect(store.getState().push).toEqual({ jobId: 'p9', phase: 'pull', done: 1, total: 3 });
  });

  it('CONFLICTS: shows them, resolving removes each, then push again', async () => {
    const { api, store } = setup();
    let conflicts = [conflict(3), conflict(4)];
    api.handlers['orgEdit.startPush'] = () => ok({ jobId: 'p2' });
    api.handlers['orgEdit.getPushState'] = () => ok({ conflicts, ops: [], runningJobId: null });
    api.handlers['orgEdit.resolveConflict'] = ({ changeId }) => {
      conflicts = conflicts.filter((c) => c.changeId !== changeId);
      return ok({ remaining: conflicts.length });
    };
    await store.getState().startPush();
    api.emit('job.finished', {
      jobId: 'p2',
      kind: 'org.push',
      ok: false,
      error: { code: 'CONFLICTS', message: 'x', retryable: false, correlationId: 'c' },
    });
    await flush();
    expect(store.getState().pushError?.code).toBe('CONFLICTS');
    expect(store.getState().conflicts.map((c) => c.changeId)).toEqual([3, 4]);
    expect(await store.getState().resolveConflict(3, 'mine')).toBeNull();
    expect(api.calls.find((c) => c.name === 'orgEdit.resolveConflict')?.input).toEqual({
      changeId: 3,
      keep: 'mine',
    });
    await store.getState().resolveConflict(4, 'theirs');
    expect(store.getState().conflicts).toEqual([]);
    api.handlers['orgEdit.startPush'] = () => ok({ jobId: 'p3' });
    await store.getState().startPush();
    expect(store.getState().push?.jobId).toBe('p3');
    expect(store.getState().pushError).toBeNull();
  });

  it('failed ops can be retried; NETWORK failures are reported', async () => {
    const { api, store } = setup();
    api.handlers['orgEdit.startPush'] = () => ok({ jobId: 'p4' });
    api.handlers['orgEdit.getPushState'] = () =>
      ok({
        conflicts: [],
        ops: [outboxOp(1, 'done'), outboxOp(2, 'failed', 'WECOM_REQUEST_REJECTED')],
        runningJobId: null,
      });
    await store.getState().startPush();
    api.emit('job.finished', { jobId: 'p4', kind: 'org.push', ok: true });
    await flush();
    expect(store.getState().outbox.filter((o) => o.status === 'failed')).toHaveLength(1);
    // 60104 has its own reason, not the generic 「请求的数据不符合…」.
    expect(opErrorText(store.getState().outbox[1]!)).toBe('手机号已被企业内的另一名成员占用');
    api.handlers['orgEdit.retryFailed'] = () => ok({ jobId: 'r1' });
    await store.getState().retryFailed();
    expect(store.getState().push?.jobId).toBe('r1');
    api.emit('job.finished', {
      jobId: 'r1',
      kind: 'org.push',
      ok: false,
      error: { code: 'NETWORK', message: 'x', retryable: true, correlationId: 'c' },
    });
    await flush();
    expect(store.getState().pushError?.code).toBe('NETWORK');
  });

  it("one failed row can be retried alone, skipped or settled with WeCom's state", async () => {
    const { api, store, reloads } = setup();
    let ops = [outboxOp(1, 'done'), outboxOp(2, 'failed', 'WECOM_REQUEST_REJECTED'), outboxOp(3, 'failed')];
    api.handlers['orgEdit.getPushState'] = () => ok({ conflicts: [], ops, runningJobId: null });
    api.handlers['orgEdit.retryFailed'] = () => ok({ jobId: 'r2' });
    const settled: unknown[] = [];
    api.handlers['orgEdit.settleFailed'] = (input) => {
      settled.push(input);
      ops = ops.map((o) => (o.id === input.id ? { ...o, status: 'skipped' as const } : o));
      return ok({ remaining: ops.filter((o) => o.status === 'failed').length });
    };
    await store.getState().loadPushState();
    await store.getState().retryFailed([2]);
    expect(api.calls.find((c) => c.name === 'orgEdit.retryFailed')?.input).toEqual({ ids: [2] });
    expect(store.getState().push?.jobId).toBe('r2');
    api.emit('job.finished', { jobId: 'r2', kind: 'org.push', ok: true });
    await flush();

    expect(await store.getState().settleFailed(2, 'skip')).toBeNull();
    expect(await store.getState().settleFailed(3, 'takeTheirs')).toBeNull();
    expect(settled).toEqual([
      { id: 2, how: 'skip' },
      { id: 3, how: 'takeTheirs' },
    ]);
    expect(store.getState().outbox.map((o) => o.status)).toEqual(['done', 'skipped', 'skipped']);
    expect(reloads()).toBe(3);

    api.handlers['orgEdit.settleFailed'] = () => err('NOT_FOUND');
    expect((await store.getState().settleFailed(9, 'skip'))?.code).toBe('NOT_FOUND');
  });

  it('a push that ends with refused calls is told apart from a failed push', () => {
    const e = (code: 'WECOM_REQUEST_REJECTED' | 'NETWORK', details?: Record<string, unknown>) => ({
      code,
      message: 'x',
      retryable: false,
      correlationId: 'c',
      ...(details ? { details } : {}),
    });
    expect(failedCallsOf(e('WECOM_REQUEST_REJECTED', { failed: 2, pending: 0 }))).toBe(2);
    expect(failedCallsOf(e('WECOM_REQUEST_REJECTED', { errcode: 60104 }))).toBeNull();
    expect(failedCallsOf(e('NETWORK', { failed: 1 }))).toBeNull();
    expect(failedCallsOf(null)).toBeNull();
  });

  it('NOT_SYNCED from push is kept for the dialog', async () => {
    const { api, store } = setup();
    api.handlers['orgEdit.startPush'] = () => err('NOT_SYNCED');
    await store.getState().startPush();
    expect(store.getState().pushError?.code).toBe('NOT_SYNCED');
    expect(store.getState().push).toBeNull();
  });

  it('JOB_RUNNING follows the push already running', async () => {
    const { api, store } = setup();
    api.handlers['orgEdit.startPush'] = () => err('JOB_RUNNING');
    api.handlers['orgEdit.getPushState'] = () => ok({ conflicts: [], ops: [], runningJobId: 'other' });
    await store.getState().startPush();
    expect(store.getState().push?.jobId).toBe('other');
    expect(store.getState().pushError).toBeNull();
  });
});

describe('groupDiff', () => {
  it('groups department lines by parent path and keeps entities apart', () => {
    const groups = groupDiff([
      {
        kind: 'added',
        entity: 'department',
        key: '-1',
        text: '新建 康复科',
        before: null,
        after: '医院/临床科室/康复科',
      },
      {
        kind: 'moved',
        entity: 'department',
        key: '20',
        text: '心内科',
        before: '医院/临床科室/心内科',
        after: '医院/后勤/心内科',
      },
      {
        kind: 'changed',
        entity: 'member',
        key: 'zs',
        text: '张三 职务',
        before: null,
        after: '医院/临床科室/心内科',
      },
    ]);
    expect(groups.map((g) => g.entity)).toEqual(['department', 'member']);
    expect(groups[0]!.groups.map((g) => g.path)).toEqual(['医院/后勤', '医院/临床科室']);
  });
});
