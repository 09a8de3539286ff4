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

  it('sends only the filters that are set, dates as instants, and restarts paging', async () => {
    const api = createFakeApi({ 'audit.list': () => ok({ entries: [entry(1)] }) });
    const s = createAuditStore(api);
    await s.getState().setFilter({
      from: '2026-11-25T16:00:00.000Z',
      to: '2026-11-27T16:00:00.000Z',
      person: '   ',
    });
    expect(api.calls.at(-1)!.input).toEqual({
      limit: AUDIT_PAGE,
      filter: { from: '2026-11-25T16:00:00.000Z', to: '2026-11-27T16:00:00.000Z' },
    });
    await s.getState().setFilter({});
    expect(api.calls.at(-1)!.input).toEqual({ limit: AUDIT_PAGE });
  });

  it('exports the filtered list and hands the bytes to a download', async () => {
    const api = createFakeApi({
      'audit.export': () => ok({ filename: '操作记录.xlsx', base64: 'UEsDBA==', rows: 3 }),
      'audit.list': () => ok({ entries: [] }),
    });
    const s = createAuditStore(api);
    await s.getState().setFilter({ kind: 'tag' });
    const saved: Array<{ download: string; size: number; type: string }> = [];
    let blob: Blob | null = null;
    const r = await s.getState().exportXlsx({
      createObjectURL: (b) => {
        blob = b;
        return 'blob:x';
      },
      revokeObjectURL: () => {},
      createAnchor: () => {
        const a = {
          href: '',
          download: '',
          click: () => saved.push({ download: a.download, size: blob!.size, type: blob!.type }),
        };
        return a;
      },
    });
    expect(r).toEqual({ rows: 3 });
    expect(api.calls.at(-1)).toEqual({ name: 'audit.export', input: { filter: { kind: 'tag' } } });
    // "UEsDBA==" is the 4-byte zip signature PK\x03\x04: bytes, not text.
    expect(saved).toEqual([
      {
        download: '操作记录.xlsx',
        size: 4,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    ]);
  });
});
