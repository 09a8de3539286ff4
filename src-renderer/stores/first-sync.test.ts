import { describe, expect, it } from 'vitest';
import { createOrgStore } from '../features/org/org-store';
import { createFakeApi, err, flush, ok, type FakeHandlers } from '../test-support/fake-api';
import { sampleDepartments, syncedState } from '../test-support/org-fixtures';
import { syncIfEmpty } from './first-sync';

const neverSynced = { ...syncedState, lastSyncAt: null, departments: 0, members: 0 };

function setup(handlers: FakeHandlers) {
  const api = createFakeApi({
    'org.getMemberIndex': () => ok({ rows: [], total: 0 }),
    'org.listMembers': () => ok({ members: [] }),
    'org.startSync': () => ok({ jobId: 'first' }),
    ...handlers,
  });
  return { api, org: createOrgStore(api), starts: () => api.calls.filter((c) => c.name === 'org.startSync') };
}

describe('syncIfEmpty', () => {
  it('starts the first sync of an empty cache and shows its progress', async () => {
    const { org, starts } = setup({
      'org.getTree': () => ok({ departments: [] }),
      'org.getSyncState': () => ok(neverSynced),
    });
    expect(await syncIfEmpty(org)).toBe(true);
    expect(starts()).toHaveLength(1);
    expect(org.getState().sync).toMatchObject({ jobId: 'first' });
  });

  it('leaves a synced cache alone', async () => {
    const { org, starts } = setup({
      'org.getTree': () => ok({ departments: sampleDepartments }),
      'org.getSyncState': () => ok(syncedState),
    });
    expect(await syncIfEmpty(org)).toBe(false);
    expect(starts()).toHaveLength(0);
  });

  it('follows a first sync already running instead of starting another', async () => {
    const { org, starts } = setup({
      'org.getTree': () => ok({ departments: [] }),
      'org.getSyncState': () => ok({ ...neverSynced, runningJobId: 'elsewhere' }),
    });
    expect(await syncIfEmpty(org)).toBe(false);
    await flush();
    expect(starts()).toHaveLength(0);
    expect(org.getState().sync).toMatchObject({ jobId: 'elsewhere' });
  });

  it('does not retry by itself after a failed first sync, nor when the cache cannot be read', async () => {
    const failing = setup({
      'org.getTree': () => ok({ departments: [] }),
      'org.getSyncState': () => ok(neverSynced),
      'org.startSync': () => err('NETWORK'),
    });
    expect(await syncIfEmpty(failing.org)).toBe(true);
    expect(failing.org.getState().syncError).toMatchObject({ code: 'NETWORK' });
    expect(await syncIfEmpty(failing.org)).toBe(false);
    expect(failing.starts()).toHaveLength(1);

    const unreadable = setup({
      'org.getTree': () => err('DB_CORRUPT'),
      'org.getSyncState': () => ok(neverSynced),
    });
    expect(await syncIfEmpty(unreadable.org)).toBe(false);
    expect(unreadable.starts()).toHaveLength(0);
  });
});
