import { describe, expect, it, vi } from 'vitest';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { createFakeApi, err, flush, ok, type FakeApi } from '../../test-support/fake-api';
import { member, sampleDepartments, sampleRows, syncedState } from '../../test-support/org-fixtures';
import { createOrgStore } from './org-store';

function cachedApi(): FakeApi {
  return createFakeApi({
    'org.getTree': () => ok({ departments: sampleDepartments }),
    'org.getMemberIndex': ({ offset = 0, limit = 100_000 }) =>
      ok({ rows: sampleRows.slice(offset, offset + limit), total: sampleRows.length }),
    'org.getSyncState': () => ok(syncedState),
    'org.listMembers': ({ departmentId }) =>
      ok({
        members:
          departmentId === 20 ? [member('zhangsan', '张三', 20), member('zengxx', '曾小贤', 20, 4)] : [],
      }),
  });
}

describe('org store', () => {
  it('loads tree, index and sync state, selects the top department and lists its members', async () => {
    const api = cachedApi();
    const store = createOrgStore(api);
    await store.getState().load();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.tree?.roots).toEqual([1]);
    expect(s.index?.rows).toHaveLength(sampleRows.length);
    expect(s.syncState?.lastSyncAt).toBe(syncedState.lastSyncAt);
    expect(s.selectedDeptId).toBe(1);
    expect(s.expandedIds).toEqual(['1']);
    expect(api.calls.filter((c) => c.name === 'org.listMembers')).toEqual([
      { name: 'org.listMembers', input: { departmentId: 1 } },
    ]);
    expect(s.membersStatus).toBe('ready');
  });

  it('selecting a department loads its members; stale answers are dropped', async () => {
    const api = cachedApi();
    const listFast = api.handlers['org.listMembers']!;
    api.handlers['org.listMembers'] = async (input) => {
      // The first department answers last.
      if (input.departmentId === 21) await new Promise((r) => setTimeout(r, 20));
      return listFast(input);
    };
    const store = createOrgStore(api);
    await store.getState().load();
    const slow = store.getState().selectDepartment(21);
    const fast = store.getState().selectDepartment(20);
    await Promise.all([slow, fast]);
    expect(store.getState().selectedDeptId).toBe(20);
    expect(store.getState().members.map((m) => m.userid)).toEqual(['zhangsan', 'zengxx']);
  });

  it('searches the whole index and can reveal a hit’s department', async () => {
    const store = createOrgStore(cachedApi());
    await store.getState().load();
    store.getState().setQuery('zs');
    expect(store.getState().search?.hits.map((h) => h.userid)).toEqual(['zhangsan', 'zhangsanfeng']);
    store.getState().setQuery('');
    expect(store.getState().search).toBeNull();

    store.getState().setExpanded([]);
    await store.getState().revealDepartment(20);
    expect(store.getState().selectedDeptId).toBe(20);
    expect(store.getState().expandedIds).toEqual(expect.arrayContaining(['1', '12']));
    expect(store.getState().query).toBe('');
  });

  it('shows an empty cache as ready with no departments', async () => {
    const api = createFakeApi({
      'org.getTree': () => ok({ departments: [] }),
      'org.getMemberIndex': () => ok({ rows: [], total: 0 }),
      'org.getSyncState': () =>
        ok({ lastSyncAt: null, departments: 0, members: 0, tags: 0, runningJobId: null }),
    });
    const store = createOrgStore(api);
    await store.getState().load();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().tree?.byId.size).toBe(0);
    expect(store.getState().selectedDeptId).toBeNull();
  });

  it('follows a sync job through progress events (even ones arriving before the jobId) and reloads at the end', async () => {
    const api = cachedApi();
    let resolveStart: (v: ReturnType<typeof ok<{ jobId: string }>>) => void = () => {};
    api.handlers['org.startSync'] = () => new Promise((r) => (resolveStart = r));
    const store = createOrgStore(api);
    await store.getState().load();

    const started = store.getState().startSync();
    expect(store.getState().syncStarting).toBe(true);
    // The host may report progress before answering startSync.
    api.emit('job.progressed', { jobId: 'j1', kind: 'org.sync', phase: 'departments', done: 3, total: 10 });
    api.emit('job.progressed', { jobId: 'other', kind: 'org.sync', phase: 'members', done: 99, total: 99 });
    resolveStart(ok({ jobId: 'j1' }));
    await started;
    expect(store.getState().sync).toEqual({ jobId: 'j1', phase: 'departments', done: 3, total: 10 });

    api.emit('job.progressed', { jobId: 'j1', kind: 'org.sync', phase: 'members', done: 500, total: 1000 });
    expect(store.getState().sync).toMatchObject({ phase: 'members', done: 500, total: 1000 });

    const loadsBefore = api.calls.filter((c) => c.name === 'org.getTree').length;
    api.emit('job.finished', { jobId: 'j1', kind: 'org.sync', ok: true });
    await flush();
    expect(store.getState().sync).toBeNull();
    expect(store.getState().syncError).toBeNull();
    expect(store.getState().syncCompletedAt).not.toBeNull();
    expect(api.calls.filter((c) => c.name === 'org.getTree').length).toBe(loadsBefore + 1);
    expect(api.calls.filter((c) => c.name === 'org.getSyncState').length).toBeGreaterThanOrEqual(2);
  });

  it('a failed sync keeps the cached data and exposes the error for describeError', async () => {
    const api = cachedApi();
    api.handlers['org.startSync'] = () => ok({ jobId: 'j2' });
    const store = createOrgStore(api);
    await store.getState().load();
    await store.getState().startSync();
    api.emit('job.finished', {
      jobId: 'j2',
      kind: 'org.sync',
      ok: false,
      error: {
        code: 'WECOM_IP_NOT_TRUSTED',
        message: 'x',
        retryable: false,
        details: { ip: '1.2.3.4' },
        correlationId: 'c',
      },
    });
    await flush();
    const s = store.getState();
    expect(s.sync).toBeNull();
    expect(s.tree?.byId.size).toBe(sampleDepartments.length);
    expect(s.syncError?.code).toBe('WECOM_IP_NOT_TRUSTED');
    const text = describeError(s.syncError!);
    expect(text.detail).toContain('1.2.3.4');
    expect(text.detail).toContain('企业可信IP');
  });

  it('reports a refused startSync and renders an offline cache', async () => {
    const api = cachedApi();
    api.handlers['org.startSync'] = () => err('NETWORK');
    const store = createOrgStore(api);
    await store.getState().load();
    await store.getState().startSync();
    expect(store.getState().syncError?.code).toBe('NETWORK');
    expect(describeError(store.getState().syncError!).title).toContain('网络不通');
    expect(store.getState().status).toBe('ready');
  });

  it('attaches to a sync that is already running', async () => {
    const api = cachedApi();
    api.handlers['org.getSyncState'] = () => ok({ ...syncedState, runningJobId: 'j9' });
    const store = createOrgStore(api);
    await store.getState().load();
    expect(store.getState().sync?.jobId).toBe('j9');
    api.emit('job.progressed', { jobId: 'j9', kind: 'org.sync', phase: 'write', done: 1, total: 2 });
    expect(store.getState().sync).toMatchObject({ phase: 'write', done: 1 });
  });

  it('keeps showing the cache when a reload fails, and reports a first load failure', async () => {
    const api = cachedApi();
    const store = createOrgStore(api);
    await store.getState().load();
    api.handlers['org.getTree'] = () => err('INTERNAL');
    await store.getState().load();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().loadError?.code).toBe('INTERNAL');

    const fresh = createOrgStore(api);
    await fresh.getState().load();
    expect(fresh.getState().status).toBe('error');
  });

  it('reloads when the cache changes elsewhere, and dispose stops listening', async () => {
    const api = cachedApi();
    const store = createOrgStore(api);
    await store.getState().load();
    const before = api.calls.length;
    api.emit('org.cacheChanged', { at: '2026-03-02T00:00:00Z' });
    await flush();
    expect(api.calls.length).toBeGreaterThan(before);
    store.getState().dispose();
    expect(api.listenerCount('job.progressed')).toBe(0);
  });
});

describe('member index paging', () => {
  it('loads a large index in pages and searches all of it', async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => ({
      ...sampleRows[0]!,
      userid: `p${i}`,
      name: `成员${i}`,
      pinyin: `chengyuan${i}`,
    }));
    const pages: number[] = [];
    const api = cachedApi();
    api.handlers['org.getMemberIndex'] = ({ offset = 0, limit = 100_000 }) => {
      pages.push(offset);
      return ok({ rows: many.slice(offset, offset + limit), total: many.length });
    };
    const store = createOrgStore(api);
    await store.getState().load();
    expect(pages).toEqual([0, 2500, 5000, 7500, 10000]);
    store.getState().setQuery('chengyuan12344');
    expect(store.getState().search?.hits.map((h) => h.userid)).toEqual(['p12344']);
  });

  it('shows the tree before the index has streamed in, then searches a query typed meanwhile', async () => {
    const api = cachedApi();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    api.handlers['org.getMemberIndex'] = async ({ offset = 0, limit = 100_000 }) => {
      await gate;
      return ok({ rows: sampleRows.slice(offset, offset + limit), total: sampleRows.length });
    };
    const store = createOrgStore(api);
    const loading = store.getState().load();
    // The tree is built and shown in tasks of their own, not in the one that received it.
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    expect(store.getState().tree?.byId.size).toBe(sampleDepartments.length);
    expect(store.getState().index).toBeNull();
    store.getState().setQuery('zhang');
    expect(store.getState().search).toBeNull();
    release();
    await loading;
    expect(store.getState().search?.hits.map((h) => h.userid)).toContain('zhangsan');
  });
});

describe('member index revisions', () => {
  /** main's side: rows of the current revision, "unchanged" when the renderer already holds it. */
  function revisionedApi(state: { rows: typeof sampleRows; revision: string }) {
    const calls: Array<{ offset: number; knownRevision: string | undefined }> = [];
    const api = cachedApi();
    api.handlers['org.getMemberIndex'] = ({ offset = 0, limit = 100_000, knownRevision }) => {
      calls.push({ offset, knownRevision });
      if (knownRevision === state.revision)
        return ok({ rows: [], total: state.rows.length, revision: state.revision, unchanged: true });
      return ok({
        rows: state.rows.slice(offset, offset + limit),
        total: state.rows.length,
        revision: state.revision,
      });
    };
    return { api, calls };
  }

  it('keeps the index it has when main says it is unchanged (a department move reloads the tree only)', async () => {
    const state = { rows: sampleRows, revision: 'r1' };
    const { api, calls } = revisionedApi(state);
    const store = createOrgStore(api);
    await store.getState().load();
    const first = store.getState().index;
    expect(first?.revision).toBe('r1');
    calls.length = 0;
    await store.getState().load();
    expect(calls).toEqual([{ offset: 0, knownRevision: 'r1' }]);
    expect(store.getState().index).toBe(first);
  });

  it('loads the new rows when the index changed', async () => {
    const state = { rows: sampleRows, revision: 'r1' };
    const { api } = revisionedApi(state);
    const store = createOrgStore(api);
    await store.getState().load();
    state.rows = [
      ...sampleRows,
      { ...sampleRows[0]!, userid: 'wangwu', name: '王五', pinyin: 'wangwu', initials: 'ww' },
    ];
    state.revision = 'r2';
    await store.getState().load();
    expect(store.getState().index?.revision).toBe('r2');
    store.getState().setQuery('wangwu');
    expect(store.getState().search?.hits.map((h) => h.userid)).toEqual(['wangwu']);
  });

  it('starts over when the index changes between two pages, never mixing versions', async () => {
    const many = (tag: string) =>
      Array.from({ length: 3000 }, (_, i) => ({
        ...sampleRows[0]!,
        userid: `${tag}${i}`,
        name: `${tag}${i}`,
      }));
    const v1 = many('a');
    const v2 = many('b');
    let served = 0;
    const api = cachedApi();
    api.handlers['org.getMemberIndex'] = ({ offset = 0, limit = 100_000 }) => {
      // The first page comes from v1, everything after from v2 (an edit staged meanwhile).
      const [rows, revision] = served++ === 0 ? [v1, 'r1'] : [v2, 'r2'];
      return ok({ rows: rows.slice(offset, offset + limit), total: rows.length, revision });
    };
    const store = createOrgStore(api);
    await store.getState().load();
    const index = store.getState().index!;
    expect(index.revision).toBe('r2');
    expect(index.rows).toHaveLength(3000);
    expect(index.rows.every((r) => r.userid.startsWith('b'))).toBe(true);
  });
});
