import { afterEach, describe, expect, it } from 'vitest';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('org sync', () => {
  it('pulls the demo hospital into the cache with progress events', async () => {
    h = await servicesHarness({ mode: 'env' });
    const phases = new Set<string>();
    h.services.bus.listen((n, p) => n === 'job.progressed' && phases.add((p as { phase: string }).phase));
    const r = await h.runJob(() => h!.services.org.startSync());
    expect(r.ok).toBe(true);
    expect([...phases]).toEqual(expect.arrayContaining(['departments', 'members', 'tags', 'write']));
    const state = await h.services.org.syncState();
    expect(state).toMatchObject({ members: h.sandbox.state.users.size, tags: h.sandbox.state.tags.size });
    expect(state.departments).toBe(h.sandbox.state.departments.size);
    expect(state.lastSyncAt).not.toBeNull();
    const tree = await h.services.editor.tree();
    const top = tree.filter((d) => d.pinnedRank !== null).sort((a, b) => a.pinnedRank! - b.pinnedRank!);
    expect(top.map((d) => d.name)).toEqual([
      '职能科室',
      '临床科室',
      '门诊科室',
      '医技科室',
      '医保农合',
      '实验室',
    ]);
    const idx = await h.services.editor.memberIndex();
    // 曾 reads ceng elsewhere; as a surname it is zeng. The seed always has some (names.ts).
    const zengs = idx.filter((m) => m.name.startsWith('曾'));
    expect(zengs.length).toBeGreaterThan(0);
    expect(zengs.filter((m) => !m.pinyin.startsWith('zeng'))).toEqual([]);
  });

  it('refuses a second sync while one runs', async () => {
    h = await servicesHarness({ mode: 'env' });
    h.sandbox.faults.setLatency(30);
    h.services.org.startSync();
    expect(() => h!.services.org.startSync()).toThrow(/already running/);
    await h.services.jobs.idle();
  });

  it('refreshes an expired token once mid-sync and completes', async () => {
    h = await servicesHarness({ mode: 'env' });
    h.sandbox.faults.setLatency(20);
    const p = h.runJob(() => h!.services.org.startSync());
    await new Promise((r) => setTimeout(r, 150));
    const before = h.sandbox.faults.callCount('gettoken');
    h.sandbox.faults.expireTokens();
    expect((await p).ok).toBe(true);
    expect(h.sandbox.faults.callCount('gettoken') - before).toBe(1);
  });

  it('falls back to an app secret when the contacts secret may not read details (48009)', async () => {
    h = await servicesHarness({ mode: 'env' });
    h.sandbox.faults.forbidContactDetails(true);
    expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
    expect((await h.services.org.syncState()).members).toBe(h.sandbox.state.users.size);
  });

  it('keeps the previous cache when a sync fails, and records the failure', async () => {
    h = await servicesHarness({ mode: 'env' });
    await h.runJob(() => h!.services.org.startSync());
    h.sandbox.faults.failNext('tag/list', 60020);
    const r = await h.runJob(() => h!.services.org.startSync());
    expect(r).toMatchObject({ ok: false, error: { code: 'WECOM_IP_NOT_TRUSTED' } });
    expect((await h.services.org.syncState()).members).toBe(h.sandbox.state.users.size);
  });

  it('retries a transient -1 and a dropped connection without failing the sync', async () => {
    h = await servicesHarness({ mode: 'env' });
    h.sandbox.faults.failNext('department/list', -1);
    h.sandbox.faults.dropConnections('tag/list', 1);
    expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
  });
});
