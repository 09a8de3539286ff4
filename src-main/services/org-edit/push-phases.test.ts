import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../contract/events';
import type { ChangeOp } from '../../contract/org-edit';
import type { OutboxOp, PushPreview } from '../../contract';
import { servicesHarness, type Harness } from '../../test-support/services-harness';
import { followJob } from '../jobs/follow-job';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = <T = unknown>(name: string, input: unknown = {}): Promise<T> => h!.call<T>(name, input);
const stage = (label: string, ops: ChangeOp[]) => call('orgEdit.stage', { label, ops });
const deptByName = (name: string) => [...h!.sandbox.state.departments.values()].find((d) => d.name === name)!;
const usersIn = (id: number) => [...h!.sandbox.state.users.values()].filter((u) => u.department.includes(id));

async function ready(): Promise<Harness> {
  h = await servicesHarness({ mode: 'env' });
  expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
  return h;
}

/** Someone else edits WeCom through its API, as the admin console would. */
async function consoleEdit(path: string, body: unknown): Promise<void> {
  const { url, credentials } = h!.sandbox;
  const t = (await (
    await fetch(
      `${url}/cgi-bin/gettoken?corpid=${credentials.corpId}&corpsecret=${credentials.contactsSecret}`,
    )
  ).json()) as { access_token: string };
  const r = (await (
    await fetch(`${url}/cgi-bin/${path}?access_token=${t.access_token}`, {
      method: 'POST',
      body: JSON.stringify(body),
    })
  ).json()) as { errcode: number };
  expect(r.errcode).toBe(0);
}

describe('push: confirmation summary, phases and refused-call facts', () => {
  it('previews the calls by kind before anything is written', async () => {
    await ready();
    const cardio = deptByName('心血管内科');
    const [a, b] = usersIn(cardio.id);
    await stage('新建康复二科', [
      { type: 'dept.create', id: -1, name: '康复二科', parentid: cardio.id, order: 1 },
    ]);
    await stage('两人改职务', [
      { type: 'member.update', userid: a!.userid, fields: { position: '主治医师' } },
      { type: 'member.update', userid: b!.userid, fields: { position: '主治医师' } },
    ]);
    const p = await call<PushPreview>('orgEdit.previewPush');
    expect(p).toMatchObject({ changes: 2, calls: 3, carried: 0, failed: 0 });
    expect(p.byKind).toEqual([
      { kind: 'deptCreate', count: 1 },
      { kind: 'memberUpdate', count: 2 },
    ]);
    // Nothing was written by the preview.
    expect([...h!.sandbox.state.departments.values()].some((d) => d.name === '康复二科')).toBe(false);
  });

  it('reports its steps in order, each under its own phase', async () => {
    await ready();
    const cardio = deptByName('心血管内科');
    await stage('改职务', [
      { type: 'member.update', userid: usersIn(cardio.id)[0]!.userid, fields: { position: '主治医师' } },
    ]);
    const seen: EventPayload<'job.progressed'>[] = [];
    const r = await followJob(
      h!.services.bus,
      () => h!.services.push.start(),
      (p) => seen.push(p),
    );
    expect(r.ok).toBe(true);
    const phases = seen.map((p) => p.phase).filter((p, i, all) => all[i - 1] !== p);
    expect(phases).toEqual(['pull', 'conflicts', 'apply', 'refresh']);
    expect(seen.filter((p) => p.phase === 'apply').at(-1)).toMatchObject({ done: 1, total: 1 });
  });

  it('a mobile taken in WeCom after the last sync: 60104, and the row names who holds it', async () => {
    await ready();
    const cardio = deptByName('心血管内科');
    // WeCom ignores mobile changes of activated members: both people have not joined yet.
    const notJoined = (id: number) => usersIn(id).filter((u) => u.status === 4);
    const mine = notJoined(cardio.id)[0];
    const other = usersIn(cardio.id).find((u) => u.userid !== mine!.userid);
    await stage('改手机号', [
      { type: 'member.update', userid: mine!.userid, fields: { mobile: '13900007777' } },
    ]);
    await stage('改职务', [
      { type: 'member.update', userid: other!.userid, fields: { position: '主治医师' } },
    ]);
    // Meanwhile someone gives that number to a third member in the admin console.
    const holder = [...h!.sandbox.state.users.values()].find(
      (u) => u.status === 4 && !u.department.includes(cardio.id),
    )!;
    await consoleEdit('user/update', { userid: holder.userid, mobile: '13900007777' });

    const r = await h!.runJob(() => h!.services.push.start());
    expect(r).toMatchObject({ ok: false, error: { code: 'WECOM_REQUEST_REJECTED', details: { failed: 1 } } });
    const st = await call<{ ops: OutboxOp[]; lastRunBatchIds: number[] | null }>('orgEdit.getPushState');
    expect(st.ops.map((o) => o.status).sort()).toEqual(['done', 'failed']);
    const failed = st.ops.find((o) => o.status === 'failed')!;
    expect(failed.errcode).toBe(60104);
    expect(failed.facts).toMatchObject({
      mobile: '13900007777',
      holderUserid: holder.userid,
      holderName: holder.name,
    });
    const holderDept = h!.sandbox.state.departments.get(holder.department[0]!)!.name;
    expect(failed.facts?.holderDepartments).toContain(holderDept);
    expect(st.lastRunBatchIds).toEqual([failed.batchId]);

    // The next push: its own (closed) batch is shown beside the one still waiting on the refused call.
    await stage('改名', [{ type: 'dept.update', id: deptByName('皮肤科').id, name: '皮肤性病科' }]);
    await h!.runJob(() => h!.services.push.start());
    const next = await call<{ ops: OutboxOp[]; lastRunBatchIds: number[] | null }>('orgEdit.getPushState');
    expect(next.ops.map((o) => [o.kind, o.status])).toEqual([
      ['member.update', 'failed'],
      ['member.update', 'done'],
      ['dept.update', 'done'],
    ]);
    expect(next.lastRunBatchIds).toHaveLength(2);
  });
});
