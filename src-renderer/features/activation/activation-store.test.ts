import { describe, expect, it, vi } from 'vitest';
import { createFakeApi, err, ok } from '../../test-support/fake-api';
import type { DownloadEnv } from '../../lib/download';
import { activationRate, createActivationStore } from './activation-store';
import { sparklinePoints } from './ActivationPage';

const report = {
  rows: [
    {
      departmentId: 20,
      name: '心内科',
      path: '医院/临床科室/心内科',
      total: 10,
      active: 6,
      notJoined: 3,
      disabled: 1,
      left: 0,
    },
  ],
  totals: { total: 10, active: 6, notJoined: 3, disabled: 1, left: 0 },
  trend: [
    { at: '2026-03-01T00:00:00Z', notJoined: 5, members: 10 },
    { at: '2026-03-02T00:00:00Z', notJoined: 3, members: 10 },
  ],
};
const notJoined = [{ userid: 'a', name: '甲', position: '护士', departments: '心内科', mobile: '138' }];

function setup() {
  const api = createFakeApi({
    'activation.report': () => ok(report),
    'activation.listNotJoined': () => ok({ members: notJoined }),
    'activation.invite': (input) =>
      ok({
        results:
          'all' in input
            ? [{ userid: 'a', name: '甲', ok: true, reason: null }]
            : input.userids.map((u) => ({
                userid: u,
                name: u,
                ok: u !== 'bad',
                reason: u === 'bad' ? '手机号无效' : null,
              })),
      }),
    'activation.export': () => ok({ filename: '未激活.csv', csv: '\uFEFF姓名\n甲' }),
  });
  const anchor = { href: '', download: '', click: vi.fn() };
  const env: DownloadEnv = {
    createObjectURL: () => 'blob:x',
    revokeObjectURL: () => {},
    createAnchor: () => anchor,
  };
  return { api, anchor, store: createActivationStore(api, env) };
}

describe('activation store', () => {
  it('loads the report and a department’s not-joined members', async () => {
    const { api, store } = setup();
    await store.getState().load();
    expect(store.getState().report?.totals.notJoined).toBe(3);
    await store.getState().selectDepartment(20);
    expect(api.calls.at(-1)).toEqual({ name: 'activation.listNotJoined', input: { departmentId: 20 } });
    expect(store.getState().notJoined).toEqual(notJoined);
    await store.getState().selectDepartment(null);
    expect(api.calls.at(-1)).toEqual({ name: 'activation.listNotJoined', input: {} });
  });

  it('invites the chosen members or everyone and keeps per-member results', async () => {
    const { api, store } = setup();
    await store.getState().invite(['a', 'bad']);
    expect(store.getState().inviteResults?.map((r) => [r.userid, r.ok, r.reason])).toEqual([
      ['a', true, null],
      ['bad', false, '手机号无效'],
    ]);
    await store.getState().invite('all');
    expect(
      api.calls.find((c) => c.name === 'activation.invite' && 'all' in (c.input as object))?.input,
    ).toEqual({ all: true });
    await store.getState().invite([]);
    expect(api.calls.filter((c) => c.name === 'activation.invite')).toHaveLength(2);
  });

  it('reports invite and load failures', async () => {
    const { api, store } = setup();
    api.handlers['activation.invite'] = () => err('NETWORK');
    await store.getState().invite(['a']);
    expect(store.getState().inviteError?.code).toBe('NETWORK');
    api.handlers['activation.report'] = () => err('NOT_CONFIGURED');
    await store.getState().load();
    expect(store.getState().status).toBe('error');
  });

  it('exports one department as a CSV download', async () => {
    const { api, store, anchor } = setup();
    expect(await store.getState().exportCsv(20)).toBeNull();
    expect(api.calls.at(-1)).toEqual({ name: 'activation.export', input: { departmentId: 20 } });
    expect(anchor.download).toBe('未激活.csv');
    expect(anchor.click).toHaveBeenCalled();
  });

  it('rate and sparkline helpers', () => {
    expect(activationRate({ active: 6, notJoined: 3 })).toBe(66.7);
    expect(activationRate({ active: 0, notJoined: 0 })).toBe(100);
    expect(sparklinePoints([5, 0], 100, 10)).toBe('0,0 100,10');
  });
});
