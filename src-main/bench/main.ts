import { benchOrgPull } from './org-pull';
import { startSandboxChild } from './sandbox-child';
import { benchPush } from './push';
import { DEFAULT_FAMILY_LIMITS } from '../wecom/http-client';

/**
 * `npm run bench`: figures are printed as ratios against baselines measured in the same run, so
 * they mean the same on a fast or a slow machine. The sandbox runs in its own process so the RSS
 * measured here is the app's own.
 */
const members = Number(process.env.BENCH_MEMBERS ?? 50_000);
const departments = Number(process.env.BENCH_DEPARTMENTS ?? 3_000);

async function main() {
  const sb = await startSandboxChild(members, departments);
  try {
    console.log(`# 通讯录同步：沙箱 ${members} 名成员 / ${departments} 个部门 → SQLite`);
    const r = await benchOrgPull({ url: sb.url, corpId: sb.creds.corpId, secret: sb.creds.contactsSecret });
    const f = (n: number) => n.toFixed(0);
    console.log(
      `departments=${r.departments} members=${r.members} member-department links=${r.links} api calls=${r.calls}`,
    );
    console.log(
      `whole pull (network + transform + write): ${f(r.wholePullMs)} ms (network part ${f(r.networkMs)} ms)`,
    );
    console.log(`peak RSS during the pull: ${f(r.peakRssMb)} MB (started at ${f(r.startRssMb)} MB)`);
    console.log(
      `sync local write: ${f(r.syncWriteMs)} ms; raw sqlite3 bulk insert of the same rows: ${f(r.rawInsertMs)} ms`,
    );
    console.log(
      `RATIO org.sync.write / raw insert = ${r.ratio.toFixed(2)} (target ≤ 2.00) ${r.ratio <= 2 ? 'OK' : 'OVER'}`,
    );
  } finally {
    sb.child.kill();
  }
  const p = await benchPush(members, departments, Number(process.env.BENCH_PUSH_OPS ?? 1000));
  console.log(`# 推送：${p.ops} staged member edits → ${p.calls} WeCom calls, sandbox rate limits ON`);
  console.log(
    `stage (validate + summarize + record) ${p.stageMs.toFixed(0)} ms; phases ${p.phases}; whole push incl. re-reading the touched members before and after ${p.totalMs.toFixed(0)} ms`,
  );
  console.log(
    `apply phase: ${p.done}/${p.calls} done in ${p.applyMs.toFixed(0)} ms (burst ${p.opsPerSecond.toFixed(0)} ops/s), 45009 answers: ${p.rateLimited}${p.ok ? '' : `, push failed: ${p.error}`}`,
  );
  const cap = DEFAULT_FAMILY_LIMITS['contacts-write'].perMinute;
  console.log(
    `RATIO calls in the busiest minute / WeCom per-API limit = ${Math.min(p.calls, cap)} / ${p.limitPerSecond * 60} = ${(Math.min(p.calls, cap) / (p.limitPerSecond * 60)).toFixed(2)}; sustained client cap ${cap}/min = ${(cap / 60).toFixed(0)} ops/s = ${(cap / (p.limitPerSecond * 60)).toFixed(2)}× the limit`,
  );
}

void main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e);
    process.exit(1);
  },
);
