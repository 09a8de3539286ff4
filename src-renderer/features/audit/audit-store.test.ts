import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-main/contract';
import { createFakeApi, err, ok } from '../../test-support/fake-api';
import { AUDIT_PAGE, createAuditStore } from './audit-store';

const entry = (id: number): AuditEntry => ({
  id,
  at: '2026-11-27T10:00:00Z',
  api: 'department/update',
  summary: `修改 ${id}`,
  entity: 'department',
  key: String(id),
  before: '{"name":"a"}',
  after: '{"name":"b"}',
  result: '成功',
});

describe('audit store', () => {
  it('pages backwards by id until a short page', async () => {
    const all = Array.from({ length: 150 }, (_, i) => entry(150 - i));
    const api = createFakeApi({
      'audit.list': ({ limit, beforeId }) =>
        ok({ entries: all.filter((e) => beforeId === undefined || e.id < beforeId).slice(0, limit) }),
    });
    const s = createAuditStore(api);
    await s.getState().load();
    expect(s.getState().entries).toHaveLength(AUDIT_PAGE);
    expect(s.getState().hasMore).toBe(true);
    await s.getState().loadMore();
    expect(s.getState().entries.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(s.getState().hasMore).toBe(false);
  });

  it('shows an error and keeps nothing stale', async () => {
    const api = createFakeApi({ 'audit.list': () => err('INTERNAL') });
    const s = createAuditStore(api);
    await s.getState().load();
    expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'INTERNAL' } });
  });
});
