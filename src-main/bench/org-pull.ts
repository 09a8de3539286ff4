import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection';
import { OrgRepo, type OrgSnapshot } from '../db/repos/org-repo';
import { createLogger } from '../platform/logger';
import type { JobContext } from '../services/jobs/job-runner';
import { pullOrg } from '../services/org/sync';
import { WecomHttp } from '../wecom/http-client';
import { median, withPeakRss } from './rss';
import { rawInsert } from './raw-insert';

const ctx: JobContext = { signal: new AbortController().signal, progress: () => undefined };

async function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'zhb-bench-'));
  const db = await openDatabase(join(dir, 'b.sqlite'));
  return {
    db,
    done: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sync of a big sandbox into SQLite: whole pull, and the local write against a raw insert. */
export async function benchOrgPull(sandbox: { url: string; corpId: string; secret: string }, rounds = 3) {
  const http = new WecomHttp({ baseURL: sandbox.url, logger: createLogger({ level: 'error' }) });
  const cred = { corpId: sandbox.corpId, secret: sandbox.secret, label: 'bench' };

  const pull = await withPeakRss(async () => {
    const t0 = performance.now();
    const r = await pullOrg(http, cred, null, ctx);
    const pullMs = performance.now() - t0;
    const { db, done } = await freshDb();
    const t1 = performance.now();
    await new OrgRepo(db).replaceAll(r.snapshot);
    const writeMs = performance.now() - t1;
    await done();
    return { snapshot: r.snapshot, calls: r.calls, pullMs, writeMs };
  });
  const s: OrgSnapshot = pull.value.snapshot;

  const syncWrites: number[] = [];
  const rawWrites: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate to share any warm-up or disk-cache effect fairly.
    {
      const { db, done } = await freshDb();
      const t = performance.now();
      await rawInsert(db.raw, s);
      rawWrites.push(performance.now() - t);
      await done();
    }
    {
      const { db, done } = await freshDb();
      const t = performance.now();
      await new OrgRepo(db).replaceAll(s);
      syncWrites.push(performance.now() - t);
      await done();
    }
  }
  const links = s.members.reduce((n, m) => n + m.departments.length, 0);
  return {
    departments: s.departments.length,
    members: s.members.length,
    links,
    calls: pull.value.calls,
    wholePullMs: pull.value.pullMs + pull.value.writeMs,
    networkMs: pull.value.pullMs,
    peakRssMb: pull.peakMb,
    startRssMb: pull.startMb,
    syncWriteMs: median(syncWrites),
    rawInsertMs: median(rawWrites),
    ratio: median(syncWrites) / median(rawWrites),
  };
}
