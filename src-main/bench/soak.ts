import { FAULTS, findings, report, stats, type FaultKind } from './soak-report';
import { runJob } from '../test-support/two-corps';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, type Services } from '../compose';
import type { EventPayload } from '../contract/events';
import type { ChangeOp } from '../contract/org-edit';
import type { OutboxCall } from '../contract/outbox';
import { Db } from '../db/connection';
import { createLogger } from '../platform/logger';
import { EnvSecretStore, type EnvProfile } from '../platform/node/env-profile';
import { startSandbox, type RunningSandbox } from '../sandbox';
import {
  TEST_ROOT,
  diffProjections,
  effectPresent,
  project,
  projectSandbox,
  sandboxDuplicates,
  staleTagMembers,
  untouchedSnapshot,
  wrongTargets,
  type Touched,
} from './soak-check';
import { EditGen, Rng, WRITE_PATHS, stageRandom, writePathsOf } from './soak-ops';
import { startLink, type HostLink } from './soak-proxy';

/**
 * `npm run soak`: randomized pushes of staged 通讯录 edits through the real services against the
 * in-process sandbox, each round with one injected write-path fault (or a host that dies mid-push), then
 * pushed again until settled. Checks after every round: WeCom holds what was staged (or the outbox names
 * what did not apply), no duplicates, no write to an entity the round did not touch.
 * SOAK_ROUNDS (default 200), SOAK_SEED (default: time based, printed), SOAK_VERBOSE=1 for per-round lines.
 */

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 200);
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000_000);
const VERBOSE = process.env.SOAK_VERBOSE === '1';
const SETTLE_ATTEMPTS = 6;
/** Diagnosis only: the transport's retry count (default: the app's own). */
const HTTP_RETRIES = process.env.SOAK_HTTP_RETRIES ? Number(process.env.SOAK_HTTP_RETRIES) : undefined;

interface Host {
  services: Services;
  link: HostLink;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const t0 = performance.now();
  const rng = new Rng(SEED);
  const sandbox = await startSandbox({ port: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'zhb-soak-'));
  const c = sandbox.credentials;
  const profile: EnvProfile = {
    corpId: c.corpId,
    contactsSecret: c.contactsSecret,
    apps: c.apps.map((a) => ({ ...a })),
  };
  const openHost = async (): Promise<Host> => {
    const link = await startLink(sandbox.port);
    const services = await createServices(
      { secrets: new EnvSecretStore(profile), logger: createLogger({ level: 'error' }) },
      {
        dataDir,
        apiBase: link.url,
        envProfile: profile,
        demo: () => Promise.reject(new Error('no demo in the soak')),
        httpOptions: {
          minRetryDelayMs: 5,
          rateLimitDelayMs: 10,
          timeoutMs: 5000,
          ...(HTTP_RETRIES !== undefined ? { retries: HTTP_RETRIES } : {}),
        },
      },
    );
    return { services, link };
  };
  let host = await openHost();
  const db = await Db.open(join(dataDir, 'zhb.sqlite'));
  console.log(`# soak: ${ROUNDS} rounds, SOAK_SEED=${SEED}, sandbox ${sandbox.state.users.size} members`);
  try {
    const synced = await runJob(host.services, () => host.services.org.startSync());
    if (!synced.ok) throw new Error(`initial sync failed: ${synced.error?.code}`);
    await host.services.editor.stage('压测专区', [
      { type: 'dept.create', id: -1, name: TEST_ROOT, parentid: 1, order: 0 },
    ]);
    const setup = await runJob(host.services, () => host.services.push.start());
    if (!setup.ok) throw new Error(`setup push failed: ${setup.error?.code}`);
    const rootId = [...sandbox.state.departments.values()].find((d) => d.name === TEST_ROOT)!.id;
    const gen = new EditGen(rng, rootId, SEED.toString(36));
    let lastRow = (await db.get<{ m: number | null }>('SELECT MAX(id) m FROM outbox'))?.m ?? 0;

    for (let round = 1; round <= ROUNDS; round++) {
      stats.rounds++;
      const s = () => host.services;
      const note = (fault: string, what: string) => findings.push({ round, fault, what });

      // 1. Stage a few random gestures.
      const { changes, refused } = await stageRandom(s(), gen, rng.int(1, 4));
      stats.changes += changes.length;
      stats.refusedByEditor += refused.length;
      const ops: ChangeOp[] = changes.flatMap((x) => x.ops);
      const wc = await s().editor.workingCopy();
      const intended = project({ depts: wc.departments(), members: wc.members(), tags: wc.tags() });
      const touched = touchedOf(ops);
      const before = untouchedSnapshot(sandbox.state, touched);
      const paths = writePathsOf(ops);
      const calls0 = sandbox.faults.callCount();

      // 2. One fault for the first push of the round.
      const fault: FaultKind = paths.length ? rng.weighted(FAULTS) : 'none';
      stats.faults[fault]++;
      const path = paths.length ? rng.pick(paths) : 'department/create';
      const f = sandbox.faults;
      const count = rng.int(1, 2);
      let detail = '';
      switch (fault) {
        case 'dropReplies':
          f.dropReplies(path, count);
          detail = `${path}×${count}`;
          break;
        case 'dropConnections': {
          const any = rng.next() < 0.3;
          f.dropConnections(any ? null : path, any ? rng.int(1, 3) : count);
          detail = any ? 'any path' : `${path}×${count}`;
          break;
        }
        case 'httpErrorNext':
          f.httpErrorNext(path, 502, count);
          detail = `${path}×${count}`;
          break;
        case 'httpErrorAfterApply':
          f.httpErrorAfterApply(path, 502, count);
          detail = `${path}×${count}`;
          break;
        case 'failAfterApply':
          f.failAfterApply(path, -1, count);
          detail = `${path}×${count}`;
          break;
        case 'refuse':
          f.failNext(path, 40058, count);
          detail = `${path}×${count}`;
          break;
        default:
          break;
      }

      // 3. The faulty push (or one whose host dies / is closed part-way).
      let first: EventPayload<'job.finished'>;
      if (fault === 'kill' || fault === 'close') {
        const k = rng.int(1, Math.max(1, ops.length));
        const latency = rng.int(2, 12);
        const wait = rng.int(0, latency + 2);
        detail = `after write call ${k}, +${wait}ms`;
        f.setLatency(latency);
        const writes = () => WRITE_PATHS.reduce((n, p) => n + f.callCount(p), 0);
        const w0 = writes();
        const old = host;
        const job = runJob(old.services, () => old.services.push.start());
        let landed = false;
        await Promise.race([
          job,
          (async () => {
            while (writes() - w0 < k) await sleep(1);
            await sleep(wait);
            landed = true;
          })(),
        ]);
        if (landed) {
          stats.killsLanded++;
          if (fault === 'kill') old.link.kill();
          [first] = await Promise.all([job, old.services.close()]);
          f.setLatency(0);
          old.link.kill();
          host = await openHost();
        } else {
          first = await job;
          f.setLatency(0);
        }
      } else {
        first = await runJob(s(), () => s().push.start());
      }
      if (!first.ok) stats.firstPushFailed[fault]++;
      const calls1 = f.callCount();
      f.reset();

      // 4. Faults cleared: push until settled.
      let settled = first.ok;
      const failedRows: string[] = [];
      for (let i = 0; i < SETTLE_ATTEMPTS && !settled; i++) {
        stats.settlePushes++;
        const r = await runJob(s(), () => s().push.start());
        if (r.ok) {
          settled = true;
          break;
        }
        const st = await s().push.state();
        if (r.error?.code === 'CONFLICTS') {
          stats.conflicts++;
          note(
            fault,
            `冲突（自己推送的修改不应与自己冲突）：${JSON.stringify(st.conflicts.map((x) => x.title))}`,
          );
          for (const cf of st.conflicts) await s().push.resolve(cf.changeId, 'mine');
          continue;
        }
        const failed = st.ops.filter((o) => o.status === 'failed');
        if (failed.length) {
          for (const o of failed) {
            failedRows.push(`#${o.id} ${o.kind} ${o.summary}: ${o.errcode ?? o.errorCode}`);
            // The outbox says this call did not apply: WeCom must not show its effect.
            if (await appliedAnyway(db, sandbox, o.id)) {
              stats.failedButApplied++;
              note(
                fault,
                `标记为失败、实际已生效：#${o.id} ${o.kind} ${o.summary}，${(o.reason ?? '').split(', hint')[0]} [${detail}]`,
              );
            }
            await s().push.settleFailed(o.id, 'takeTheirs');
          }
          continue;
        }
        if (r.error?.code !== 'NETWORK') {
          note(fault, `推送失败 ${r.error?.code}: ${r.error?.message}`);
          await s().editor.discard();
        }
      }
      const calls2 = f.callCount();

      // 5. Checks.
      const rows = await db.all<{
        id: number;
        kind: string;
        status: string;
        attempts: number;
        result: string | null;
      }>('SELECT id, kind, status, attempts, result FROM outbox WHERE id > ? ORDER BY id', [lastRow]);
      lastRow = rows.at(-1)?.id ?? lastRow;
      stats.rows += rows.length;
      stats.rowsReconciled += rows.filter((x) => x.result?.includes('"reconciled":true')).length;
      stats.rowsFailed += failedRows.length;
      if (failedRows.length && VERBOSE)
        note(fault, `失败行（已按企业微信为准处理）：${failedRows.join('；')} [${detail}]`);
      for (const p of WRITE_PATHS) stats.writeCalls += (calls1[p] ?? 0) - (calls0[p] ?? 0) + (calls2[p] ?? 0);
      const createKinds: Record<string, string> = {
        'dept.create': 'department/create',
        'member.create': 'user/create',
        'tag.create': 'tag/create',
      };
      for (const [kind, p] of Object.entries(createKinds)) {
        const n = (calls1[p] ?? 0) - (calls0[p] ?? 0) + (calls2[p] ?? 0);
        stats.createCalls += n;
        stats.createRowsDone += rows.filter((x) => x.kind === kind && x.status === 'done').length;
      }
      stats.rowsResentAfterUnknown += rows.filter((x) => x.attempts > 1).length;

      const list = await s().editor.listChanges();
      const open = (await s().push.state()).ops.filter((o) =>
        ['pending', 'sending', 'failed'].includes(o.status),
      );
      if (!settled || list.changes.length || open.length) {
        stats.unsettled++;
        note(fault, `未结清：${list.changes.length} 项修改，${open.length} 个操作 [${detail}]`);
      }
      const actual = projectSandbox(sandbox.state);
      const dups = [...sandboxDuplicates(sandbox.state), ...actual.duplicates];
      if (dups.length) {
        stats.duplicates += dups.length;
        note(fault, `重复：${dups.join('，')} [${detail}]`);
      }
      const wrong = wrongTargets(before, sandbox.state, touched);
      if (wrong.length) {
        stats.wrongTargets += wrong.length;
        note(fault, `错误目标：${wrong.slice(0, 5).join('；')} [${detail}]`);
      }
      if (!failedRows.length) {
        const diff = diffProjections(intended, actual);
        if (diff.length) {
          stats.stateMismatches++;
          note(fault, `企业微信状态与暂存的修改不一致：${diff.slice(0, 5).join('；')} [${detail}]`);
        }
      }
      const base = await s().editor.base();
      const cached = { depts: base.departments, members: base.members, tags: base.tags };
      const stale = staleTagMembers(cached);
      if (stale.length) {
        stats.staleTagMembers += stale.length;
        note(fault, `本地缓存的标签仍含已删除的成员：${stale.slice(0, 5).join('，')} [${detail}]`);
      }
      const cacheDiff = diffProjections(project(cached), actual);
      if (cacheDiff.length) {
        stats.cacheMismatches++;
        note(fault, `本地缓存与企业微信不一致：${cacheDiff.slice(0, 5).join('；')} [${detail}]`);
      }
      if (cacheDiff.length || stale.length) {
        // Start the next round from WeCom's state, so one stale entry is not counted again.
        const re = await runJob(s(), () => s().org.startSync());
        if (!re.ok) throw new Error(`resync failed: ${re.error?.code}`);
      }
      if (VERBOSE)
        console.log(
          `round ${round}: ${changes.length} changes, ${rows.length} rows, fault ${fault} ${detail}, first push ${first.ok ? 'ok' : first.error?.code}`,
        );
    }

    // Last: a full sync must change nothing in the soak's corner.
    const finalSync = await runJob(host.services, () => host.services.org.startSync());
    if (!finalSync.ok) throw new Error(`final sync failed: ${finalSync.error?.code}`);
  } finally {
    await host.services.close().catch(() => undefined);
    host.link.kill();
    await db.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(performance.now() - t0, SEED, VERBOSE);
}

async function appliedAnyway(db: Db, sandbox: RunningSandbox, rowId: number): Promise<boolean> {
  const row = await db.get<{ batch_id: number; call: string }>(
    'SELECT batch_id, call FROM outbox WHERE id = ?',
    [rowId],
  );
  if (!row) return false;
  const map = await db.all<{ local_id: number; remote_id: number }>(
    "SELECT local_id, remote_id FROM id_map WHERE batch_id = ? AND kind = 'tag'",
    [row.batch_id],
  );
  const tags = new Map(map.map((m) => [m.local_id, m.remote_id]));
  return effectPresent(JSON.parse(row.call) as OutboxCall, sandbox.state, (id) => tags.get(id));
}

function touchedOf(ops: readonly ChangeOp[]): Touched {
  const t: Touched = { depts: new Set(), users: new Set(), tags: new Set() };
  for (const op of ops) {
    if (op.type === 'dept.update' || op.type === 'dept.delete') {
      if (op.id > 0) t.depts.add(op.id);
    } else if (op.type === 'member.create' || op.type === 'member.update' || op.type === 'member.delete')
      t.users.add(op.userid.toLowerCase());
    else if ('tagid' in op && op.tagid > 0) t.tags.add(op.tagid);
  }
  return t;
}

void main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: Error) => {
    console.error(e);
    process.exit(1);
  },
);
