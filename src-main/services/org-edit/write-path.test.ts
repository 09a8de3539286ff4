import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutboxRepo } from '../../db/repos/outbox-repo';
import type { ChangeOp } from '../../contract/org-edit';
import type { RunningSandbox } from '../../sandbox';
import { REAL_CORP, runJob, twoCorps, type TwoCorps } from '../../test-support/two-corps';

/**
 * The write path's regressions, each on real services, a real SQLite file and real sandboxes: the
 * findings that once changed a real corp wrongly must stay impossible.
 */
let t: TwoCorps | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const deptIn = (sb: RunningSandbox, name: string) =>
  [...sb.state.departments.values()].find((d) => d.name === name);
const stage = (label: string, ops: ChangeOp[]) => t!.call('orgEdit.stage', { label, ops });
const push = () => t!.runJob(() => t!.services.push.start());
const sync = () => t!.runJob(() => t!.services.org.startSync());
const changeCount = async () => (await t!.call<{ changes: unknown[] }>('orgEdit.listChanges')).changes.length;
const realProfile = (confirm?: boolean) => ({
  corpId: REAL_CORP.corpId,
  contactsSecret: REAL_CORP.contactsSecret,
  apps: [],
  ...(confirm === undefined ? {} : { confirmCorpSwitch: confirm }),
});

describe('corp scope: nothing staged for one corp reaches another', () => {
  it('demo edits, pushed half-way or not at all, never reach the real corp, and come back with the demo', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const target = deptIn(t.demo, '呼吸与危重症医学科')!;
    const realSameId = t.real.state.departments.get(target.id);
    const realNameBefore = realSameId?.name;
    const clinical = deptIn(t.demo, '临床科室')!;
    await stage('演示改名', [{ type: 'dept.update', id: target.id, name: '演示改名' }]);
    // Half-pushed: the network is gone as the push starts, so the batch stays open in the outbox.
    t.demo.faults.dropConnections(null, 100_000);
    expect((await push()).ok).toBe(false);
    t.demo.faults.reset();
    await stage('演示新建', [
      { type: 'dept.create', id: -1, name: '演示新科', parentid: clinical.id, order: 0 },
    ]);
    expect(await changeCount()).toBe(2);

    // Saving the real profile first says what the demo still holds.
    const refused = await t.fail('settings.saveProfile', realProfile());
    expect(refused.code).toBe('CORP_SWITCH_PENDING');
    expect(refused.details).toMatchObject({ count: 2, labels: ['演示改名', '演示新建'] });
    expect((await t.call<{ mode: string }>('settings.getProfile')).mode).toBe('demo');
    await t.call('settings.saveProfile', realProfile(true));

    // The real corp: nothing staged, no push before its first sync, and its first push sends nothing.
    expect(await changeCount()).toBe(0);
    expect((await push()).error?.code).toBe('NOT_SYNCED');
    expect((await t.fail('orgEdit.stage', { label: 'x', ops: [{ type: 'dept.delete', id: 2 }] })).code).toBe(
      'NOT_SYNCED',
    );
    expect((await sync()).ok).toBe(true);
    const writes = () =>
      ['department/create', 'department/update', 'department/delete', 'user/create', 'user/update'].reduce(
        (n, p) => n + t!.real.faults.callCount(p),
        0,
      );
    expect((await push()).ok).toBe(true);
    expect(writes()).toBe(0);
    expect(t.real.state.departments.get(target.id)?.name).toBe(realNameBefore);
    expect(deptIn(t.real, '演示改名')).toBeUndefined();
    expect(deptIn(t.real, '演示新科')).toBeUndefined();

    // Back to the demo: its work is there again, and goes to the demo only.
    await t.call('settings.resetToDemo', {});
    expect(await changeCount()).toBe(2);
    expect((await sync()).ok).toBe(true);
    expect((await push()).ok).toBe(true);
    expect(t.demo.state.departments.get(target.id)?.name).toBe('演示改名');
    expect(deptIn(t.demo, '演示新科')).toBeDefined();
    expect(deptIn(t.real, '演示改名')).toBeUndefined();
  });
});

describe('no blind re-sends', () => {
  it('a create whose reply was lost is read back, recorded once, and never sent twice', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const clinical = deptIn(t.demo, '临床科室')!;
    t.demo.faults.dropReplies('department/create', 1);
    t.demo.faults.failAfterApply('tag/create', -1);
    t.demo.faults.httpErrorAfterApply('user/update', 502);
    const someone = [...t.demo.state.users.values()].find((u) => u.department.length === 1)!;
    await stage('三项', [
      { type: 'dept.create', id: -1, name: '丢回复科', parentid: clinical.id, order: 0 },
      { type: 'tag.create', tagid: -1, tagname: '丢回复标签' },
      { type: 'member.update', userid: someone.userid, fields: { position: '丢回复职务' } },
    ]);
    const r = await push();
    expect(r).toMatchObject({ ok: true });
    expect([...t.demo.state.departments.values()].filter((d) => d.name === '丢回复科')).toHaveLength(1);
    expect([...t.demo.state.tags.values()].filter((x) => x.tagname === '丢回复标签')).toHaveLength(1);
    expect(t.demo.faults.callCount('department/create')).toBe(1);
    expect(t.demo.faults.callCount('tag/create')).toBe(1);
    expect(t.demo.faults.callCount('user/update')).toBe(1);
    expect(t.demo.state.users.get(someone.userid.toLowerCase())?.position).toBe('丢回复职务');
    const state = await t.call<{ ops: Array<{ status: string; attempts: number }> }>('orgEdit.getPushState');
    expect(state.ops.map((o) => [o.status, o.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
    expect(await changeCount()).toBe(0);
  });

  it('an outcome that cannot be read yet stays in flight, then is reconciled — not failed, not re-sent', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const clinical = deptIn(t.demo, '临床科室')!;
    // Applied, reply lost, and WeCom unreadable right after: nothing can be decided in this run.
    t.demo.faults.dropReplies('department/create', 1);
    await stage('新建', [
      { type: 'dept.create', id: -1, name: '稍后核对科', parentid: clinical.id, order: 0 },
    ]);
    const sb = t.demo;
    const watch = setInterval(() => {
      if (sb.faults.callCount('department/create') < 1) return;
      clearInterval(watch);
      sb.faults.dropConnections(null, 100_000);
    }, 0);
    const first = await push();
    clearInterval(watch);
    expect(first.ok).toBe(false);
    const mid = await t.call<{ ops: Array<{ status: string }> }>('orgEdit.getPushState');
    expect(mid.ops.map((o) => o.status)).toEqual(['sending']);
    t.demo.faults.reset();
    const again = await push();
    expect(again.ok).toBe(true);
    expect([...t.demo.state.departments.values()].filter((d) => d.name === '稍后核对科')).toHaveLength(1);
    expect(t.demo.faults.callCount('department/create')).toBe(0); // after reset: not sent again
  });

  it('a refused call fails with its reason, and neither blocks later pushes nor the rest of its batch', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const clinical = deptIn(t.demo, '临床科室')!;
    t.demo.faults.failNext('department/create', 60001);
    await stage('两项', [
      { type: 'dept.create', id: -1, name: '被拒科', parentid: clinical.id, order: 0 },
      { type: 'tag.create', tagid: -1, tagname: '不受影响标签' },
    ]);
    const r = await push();
    expect(r.error?.code).toBe('WECOM_REQUEST_REJECTED');
    expect([...t.demo.state.tags.values()].some((x) => x.tagname === '不受影响标签')).toBe(true);
    // A later, unrelated change is pushed although the failed row is still open.
    await stage('另一项', [{ type: 'tag.create', tagid: -2, tagname: '后来的标签' }]);
    expect((await push()).error?.code).toBe('WECOM_REQUEST_REJECTED');
    expect([...t.demo.state.tags.values()].some((x) => x.tagname === '后来的标签')).toBe(true);
    // 「重试」 sends it again; it goes through now.
    const ops = (await t.call<{ ops: Array<{ id: number; status: string }> }>('orgEdit.getPushState')).ops;
    const failed = ops.filter((o) => o.status === 'failed');
    expect(failed).toHaveLength(1);
    expect((await push()).error?.code).toBe('WECOM_REQUEST_REJECTED');
    await t.call('orgEdit.retryFailed', { ids: failed.map((f) => f.id) });
    await t.services.jobs.idle();
    expect([...t.demo.state.departments.values()].filter((d) => d.name === '被拒科')).toHaveLength(1);
    expect(await changeCount()).toBe(0);
  });
});

describe('id map per batch', () => {
  it('a refused create never sends its dependants to a department of an earlier batch', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const clinical = deptIn(t.demo, '临床科室')!;
    await stage('第一批', [
      { type: 'dept.create', id: -1, name: '第一批科', parentid: clinical.id, order: 0 },
    ]);
    expect((await push()).ok).toBe(true);
    const first = deptIn(t.demo, '第一批科')!;
    // The renderer picks -1 again (nothing local is left); the create is refused by WeCom.
    const mover = [...t.demo.state.users.values()].find((u) => u.department.length === 1)!;
    const home = [...mover.department];
    await stage('第二批', [
      { type: 'dept.create', id: -1, name: '第二批科', parentid: clinical.id, order: 0 },
      {
        type: 'member.update',
        userid: mover.userid,
        fields: { departments: [{ departmentId: -1, order: 0, isLeader: false }], mainDepartment: -1 },
      },
    ]);
    t.demo.faults.failNext('department/create', 60001);
    expect((await push()).ok).toBe(false);
    expect(t.demo.state.users.get(mover.userid.toLowerCase())?.department).toEqual(home);
    expect([...t.demo.state.users.values()].filter((u) => u.department.includes(first.id))).toHaveLength(0);
    const ops = (
      await t.call<{ ops: Array<{ kind: string; status: string; errorCode: string | null }> }>(
        'orgEdit.getPushState',
      )
    ).ops;
    expect(ops.map((o) => [o.kind, o.status, o.errorCode])).toEqual([
      ['dept.create', 'failed', 'WECOM_REQUEST_REJECTED'],
      ['member.update', 'failed', 'DEPENDENCY_FAILED'],
    ]);
  });
});

describe('one sender at a time', () => {
  it('two instances on one data folder pushing at once send each call once', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const second = await t.open();
    await stage('新标签', [{ type: 'tag.create', tagid: -1, tagname: '双开标签' }]);
    t.demo.faults.setLatency(30);
    const [a, b] = await Promise.all([
      runJob(t.services, () => t!.services.push.start()),
      runJob(second, () => second.push.start()),
    ]);
    t.demo.faults.setLatency(0);
    expect(t.demo.faults.callCount('tag/create')).toBe(1);
    expect([...t.demo.state.tags.values()].filter((x) => x.tagname === '双开标签')).toHaveLength(1);
    expect([a.ok, b.ok]).toContain(true);
    expect(await changeCount()).toBe(0);
  });

  it('refuses discard and sync while a push runs', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    await stage('新标签', [{ type: 'tag.create', tagid: -1, tagname: '推送中标签' }]);
    t.demo.faults.setLatency(200);
    const running = push();
    expect((await t.fail('orgEdit.discard', {})).code).toBe('JOB_RUNNING');
    expect((await t.fail('org.startSync')).code).toBe('JOB_RUNNING');
    expect((await running).ok).toBe(true);
    t.demo.faults.setLatency(0);
    expect([...t.demo.state.tags.values()].filter((x) => x.tagname === '推送中标签')).toHaveLength(1);
  });
});

describe('errors keep their meaning', () => {
  it('a local failure after WeCom applied a call leaves it in flight; the next push reads it back', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const spy = vi.spyOn(OutboxRepo.prototype, 'markDone').mockRejectedValueOnce(new Error('SQLITE_FULL'));
    await stage('新标签', [{ type: 'tag.create', tagid: -1, tagname: '本地失败标签' }]);
    const first = await push();
    expect(first.error?.code).toBe('INTERNAL');
    const mid = await t.call<{ ops: Array<{ status: string }> }>('orgEdit.getPushState');
    expect(mid.ops.map((o) => o.status)).toEqual(['sending']);
    spy.mockRestore();
    expect((await push()).ok).toBe(true);
    expect(t.demo.faults.callCount('tag/create')).toBe(1);
    expect([...t.demo.state.tags.values()].filter((x) => x.tagname === '本地失败标签')).toHaveLength(1);
  });

  it('an invite refused for an untrusted IP says so, through the outbox', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const notJoined = [...t.demo.state.users.values()].filter((u) => u.status === 4).slice(0, 3);
    t.demo.faults.setTrustedIps('contacts', ['10.0.0.1']);
    const r = await t.fail('activation.invite', { userids: notJoined.map((u) => u.userid) });
    expect(r.code).toBe('WECOM_IP_NOT_TRUSTED');
    expect(r.details).toMatchObject({ errcode: 60020, ip: '127.0.0.1' });
    t.demo.faults.setTrustedIps('contacts', null);
    const ok = await t.call<{ results: Array<{ ok: boolean }> }>('activation.invite', {
      userids: notJoined.map((u) => u.userid),
    });
    expect(ok.results.map((x) => x.ok)).toEqual([true, true, true]);
    expect(t.demo.faults.callCount('batch/invite')).toBe(2);
  });
});

describe('the cache after a push', () => {
  it('a push cut off after its calls but before re-reading WeCom re-reads on the next push', async () => {
    t = await twoCorps();
    expect((await sync()).ok).toBe(true);
    const clinical = deptIn(t.demo, '临床科室')!;
    await stage('新建', [
      { type: 'dept.create', id: -1, name: '断在回读前科', parentid: clinical.id, order: 0 },
    ]);
    const sb = t.demo;
    const watch = setInterval(() => {
      if (sb.faults.callCount('department/create') < 1) return;
      clearInterval(watch);
      sb.faults.dropConnections(null, 100_000);
    }, 0);
    expect((await push()).ok).toBe(false);
    clearInterval(watch);
    // Applied in WeCom, not yet re-read: the change is still listed rather than silently gone.
    expect(deptIn(t.demo, '断在回读前科')).toBeDefined();
    expect(await changeCount()).toBe(1);
    t.demo.faults.reset();
    expect((await push()).ok).toBe(true);
    expect(t.demo.faults.callCount('department/create')).toBe(0);
    expect(await changeCount()).toBe(0);
    const tree = await t.call<{ departments: Array<{ name: string; id: number; pending: string | null }> }>(
      'org.getTree',
    );
    expect(tree.departments.find((d) => d.name === '断在回读前科')).toMatchObject({
      id: deptIn(t.demo, '断在回读前科')!.id,
      pending: null,
    });
  });

  it('a deleted member leaves every cached tag, as in WeCom', async () => {
    t = await twoCorps();
    const tag = [...t.demo.state.tags.values()].find((x) => x.users.size > 0)!;
    const gone = [...tag.users][0]!;
    expect((await sync()).ok).toBe(true);
    await stage('删除成员', [{ type: 'member.delete', userid: gone }]);
    expect((await push()).ok).toBe(true);
    const cached = await t.call<{ members: Array<{ userid: string }> }>('org.getTagMembers', {
      tagid: tag.tagid,
    });
    expect(cached.members.map((m) => m.userid.toLowerCase())).not.toContain(gone.toLowerCase());
    expect([...t.demo.state.tags.get(tag.tagid)!.users].map((u) => u.toLowerCase())).not.toContain(
      gone.toLowerCase(),
    );
  });
});
