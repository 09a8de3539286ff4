import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, type Services } from '../compose';
import type { ChangeOp } from '../contract/org-edit';
import type { EventPayload } from '../contract/events';
import { createLogger } from '../platform/logger';
import { EnvSecretStore, type EnvProfile } from '../platform/node/env-profile';
import { WECOM_PER_MINUTE_LIMIT } from '../sandbox/faults';
import { startSandboxChild } from './sandbox-child';

function runJob(
  s: Services,
  start: () => { jobId: string },
  onProgress?: (p: EventPayload<'job.progressed'>) => void,
) {
  return new Promise<EventPayload<'job.finished'>>((resolve) => {
    let id = '';
    const off = s.bus.listen((name, payload) => {
      if (name === 'job.progressed' && onProgress) onProgress(payload as EventPayload<'job.progressed'>);
      if (name === 'job.finished' && (payload as { jobId: string }).jobId === id) {
        off();
        resolve(payload as EventPayload<'job.finished'>);
      }
    });
    id = start().jobId;
  });
}

/**
 * Pushes 1,000 staged member edits to a sandbox with WeCom's per-API rate limit switched on, and
 * reports the achieved operations per second against that limit.
 */
export async function benchPush(members = 50_000, departments = 3_000, ops = 1_000) {
  const sb = await startSandboxChild(members, departments, ['--rate-limits']);
  const dataDir = mkdtempSync(join(tmpdir(), 'zhb-bench-push-'));
  const profile: EnvProfile = { corpId: sb.creds.corpId, contactsSecret: sb.creds.contactsSecret, apps: [] };
  const services = await createServices(
    { secrets: new EnvSecretStore(profile), logger: createLogger({ level: 'error' }) },
    {
      dataDir,
      apiBase: sb.url,
      envProfile: profile,
      demo: () => Promise.reject(new Error('no demo in bench')),
    },
  );
  try {
    const synced = await runJob(services, () => services.org.startSync());
    if (!synced.ok) throw new Error(`sync failed: ${synced.error?.code}`);
    const base = await services.editor.base();
    const chosen = base.members.filter((m) => m.status !== 5).slice(0, ops);
    const staged: ChangeOp[] = chosen.map((m, i) => ({
      type: 'member.update',
      userid: m.userid,
      fields: { position: `${m.position || '职员'}（调整${i % 7}）` },
    }));
    const t0 = performance.now();
    await services.editor.stage('批量调整职务', staged);
    const stageMs = performance.now() - t0;

    const phases = new Map<string, number>();
    let applyStart = 0;
    let applyEnd = 0;
    const t1 = performance.now();
    const r = await runJob(
      services,
      () => services.push.start(),
      (p) => {
        if (!phases.has(p.phase)) phases.set(p.phase, performance.now() - t1);
        if (p.phase !== 'apply') return;
        if (!applyStart) applyStart = performance.now();
        if (p.done === p.total) applyEnd = performance.now();
      },
    );
    const totalMs = performance.now() - t1;
    const state = await services.push.state();
    const done = state.ops.filter((o) => o.status === 'done').length;
    const rateLimited = state.ops.filter((o) => o.errcode === 45009).length;
    const applyMs = (applyEnd || performance.now()) - applyStart;
    return {
      ok: r.ok,
      error: r.error?.code ?? null,
      ops: staged.length,
      calls: state.ops.length,
      done,
      rateLimited,
      stageMs,
      applyMs,
      totalMs,
      opsPerSecond: (done / applyMs) * 1000,
      limitPerSecond: WECOM_PER_MINUTE_LIMIT / 60,
      phases: [...phases.entries()].map(([k, v]) => `${k}@${v.toFixed(0)}ms`).join(' '),
    };
  } finally {
    await services.close();
    sb.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
