import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../contract/org-edit';
import { join } from 'node:path';
import { Db } from '../../db/connection';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = <T = unknown>(name: string, input: unknown = {}): Promise<T> => h!.call<T>(name, input);
const stage = (label: string, ops: ChangeOp[]) =>
  call<{ change: { id: number } }>('orgEdit.stage', { label, ops });
const push = () => h!.runJob(() => h!.services.push.start());
const deptByName = (name: string) => [...h!.sandbox.state.departments.values()].find((d) => d.name === name);
const usersIn = (id: number) => [...h!.sandbox.state.users.values()].filter((u) => u.department.includes(id));

async function ready(): Promise<Harness> {
  h = await servicesHarness({ mode: 'env' });
  expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
  return h;
}

describe('staged edits and push', () => {
  it('creates, moves, edits and deletes, then the sandbox matches exactly', async () => {
    await ready();
    const clinical = deptByName('临床科室')!;
    const tech = deptByName('医技科室')!;
    const cardio = deptByName('心血管内科')!;
    const someone = usersIn(cardio.id).find((u) => u.position !== '主任')!;
    await stage('新建康复二科', [
      { type: 'dept.create', id: -1, name: '康复二科', parentid: clinical.id, order: 5 },
    ]);
    await stage('移动心血管内科', [{ type: 'dept.update', id: cardio.id, parentid: tech.id }]);
    await stage('调岗', [
      {
        type: 'member.update',
        userid: someone.userid,
        fields: {
          departments: [{ departmentId: -1, order: 0, isLeader: false }],
          mainDepartment: -1,
          position: '康复治疗师',
        },
      },
    ]);
    await stage('新建成员', [
      {
        type: 'member.create',
        userid: 'NewNurse01',
        fields: {
          name: '新护士',
          alias: '',
          mobile: '13912345678',
          email: '',
          telephone: '',
          position: '护士',
          gender: '2',
          departments: [{ departmentId: -1, order: 0, isLeader: false }],
          mainDepartment: -1,
          directLeader: [],
          enable: true,
        },
      },
    ]);
    const list = await call<{ changes: unknown[]; diff: Array<{ kind: string }> }>('orgEdit.listChanges');
    expect(list.changes).toHaveLength(4);
    expect(list.diff.map((d) => d.kind)).toEqual(expect.arrayContaining(['added', 'moved']));
    // The working copy shows the edits before any push.
    const tree = await call<{ departments: Array<{ id: number; name: string; pending: string | null }> }>(
      'org.getTree',
    );
    expect(tree.departments.find((d) => d.name === '康复二科')).toMatchObject({ id: -1, pending: 'created' });
    expect(deptByName('康复二科')).toBeUndefined();

    const listsBefore = h!.sandbox.faults.callCount('user/list');
    const r = await push();
    expect(r).toMatchObject({ ok: true });
    // Only what the changes touch is re-read: no member list per department.
    expect(h!.sandbox.faults.callCount('user/list')).toBe(listsBefore);
    const rehab = deptByName('康复二科')!;
    expect(rehab.parentid).toBe(clinical.id);
    expect(deptByName('心血管内科')!.parentid).toBe(tech.id);
    const moved = h!.sandbox.state.users.get(someone.userid.toLowerCase())!;
    expect(moved.department).toEqual([rehab.id]);
    expect(moved.position).toBe('康复治疗师');
    expect(h!.sandbox.state.users.get('newnurse01')).toMatchObject({
      name: '新护士',
      department: [rehab.id],
      status: 4,
    });
    // Settled: nothing pending, the cache is WeCom's state, every call audited.
    expect((await call<{ changes: unknown[] }>('orgEdit.listChanges')).changes).toHaveLength(0);
    const again = await call<{ departments: Array<{ id: number; name: string; pending: string | null }> }>(
      'org.getTree',
    );
    expect(again.departments.find((d) => d.name === '康复二科')).toMatchObject({
      id: rehab.id,
      pending: null,
    });
    const audit = await call<{ entries: Array<{ api: string; result: string }> }>('audit.list', {
      limit: 50,
    });
    expect(audit.entries.map((e) => e.api).sort()).toEqual([
      'dept.create',
      'dept.update',
      'member.create',
      'member.update',
    ]);
    expect(audit.entries.every((e) => e.result === '成功')).toBe(true);
  });

  it('refuses invalid edits with Chinese reasons and changes nothing', async () => {
    await ready();
    const clinical = deptByName('临床科室')!;
    const cardio = deptByName('心血管内科')!;
    const bad = async (ops: ChangeOp[]) => {
      const r = await h!.services.dispatch('orgEdit.stage', { label: 'x', ops });
      expect(r.ok).toBe(false);
      return r.ok ? '' : JSON.stringify(r.error.details);
    };
    const why = await bad([{ type: 'dept.update', id: clinical.id, parentid: cardio.id }]);
    expect(why).toMatch(/[\u4e00-\u9fa5]/);
    expect(await bad([{ type: 'dept.delete', id: cardio.id }])).toMatch(/成员/);
    const r = await h!.services.dispatch('orgEdit.stage', {
      label: 'x',
      ops: [{ type: 'dept.create', id: -5, name: '坏*名字', parentid: 1, order: 0 }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call<{ changes: unknown[] }>('orgEdit.listChanges')).changes).toHaveLength(0);
  });

  it('undo and redo move through the change list', async () => {
    await ready();
    const clinical = deptByName('临床科室')!;
    await stage('a', [{ type: 'dept.create', id: -1, name: '甲科', parentid: clinical.id, order: 1 }]);
    await stage('b', [{ type: 'dept.create', id: -2, name: '乙科', parentid: clinical.id, order: 1 }]);
    expect(await call('orgEdit.undo')).toEqual({ changeId: expect.any(Number) });
    let l = await call<{ changes: Array<{ label: string }>; canRedo: boolean }>('orgEdit.listChanges');
    expect(l.changes.map((c) => c.label)).toEqual(['a']);
    expect(l.canRedo).toBe(true);
    await call('orgEdit.redo');
    l = await call('orgEdit.listChanges');
    expect(l.changes.map((c) => c.label)).toEqual(['a', 'b']);
  });

  it('stops on a conflicting remote edit, shows both sides, and applies the clerk’s choice', async () => {
    await ready();
    const cardio = deptByName('心血管内科')!;
    const tech = deptByName('医技科室')!;
    await stage('移动', [{ type: 'dept.update', id: cardio.id, parentid: tech.id }]);
    // Someone renames it in the WeCom console meanwhile.
    h!.sandbox.state.departments.get(cardio.id)!.name = '心内科';
    const r = await push();
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICTS' } });
    const st = await call<{
      conflicts: Array<{ changeId: number; theirs: Record<string, string>; mine: Record<string, string> }>;
    }>('orgEdit.getPushState');
    expect(st.conflicts).toHaveLength(1);
    expect(JSON.stringify(st.conflicts[0]!.theirs)).toContain('心内科');
    expect(deptByName('心内科')!.parentid).not.toBe(tech.id);
    await call('orgEdit.resolveConflict', { changeId: st.conflicts[0]!.changeId, keep: 'mine' });
    expect(await push()).toMatchObject({ ok: true });
    expect(deptByName('心内科')).toMatchObject({ parentid: tech.id });
  });

  it('edits staged while WeCom is unreachable are pushed once it is back', async () => {
    await ready();
    const clinical = deptByName('临床科室')!;
    h!.sandbox.faults.dropConnections(null, 1000);
    await stage('离线新建', [
      { type: 'dept.create', id: -1, name: '离线科', parentid: clinical.id, order: 1 },
    ]);
    const r = await push();
    expect(r).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(deptByName('离线科')).toBeUndefined();
    h!.sandbox.faults.reset();
    expect(await push()).toMatchObject({ ok: true });
    expect([...h!.sandbox.state.departments.values()].filter((d) => d.name === '离线科')).toHaveLength(1);
  });

  it('a push interrupted mid-batch resumes without duplicating or losing operations', async () => {
    await ready();
    const clinical = deptByName('临床科室')!;
    const ops: ChangeOp[] = Array.from({ length: 6 }, (_, i) => ({
      type: 'dept.create' as const,
      id: -(i + 1),
      name: `新病区${i + 1}`,
      parentid: clinical.id,
      order: i,
    }));
    await stage('六个新病区', ops);
    const srv = h!.sandbox;
    const before = srv.faults.callCount('department/create');
    // The network goes down after the 3rd create…
    const r1 = await h!.runJob(() => {
      const j = h!.services.push.start();
      const t = setInterval(() => {
        if (srv.faults.callCount('department/create') - before >= 3) {
          clearInterval(t);
          srv.faults.dropConnections(null, 10_000);
        }
      }, 1);
      return j;
    });
    expect(r1).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    // …and, worse, the host died after WeCom applied the 3rd create but before recording it: put the
    // database back into exactly that state.
    const db = await Db.open(join(h!.dataDir, 'zhb.sqlite'));
    const third = await db.get<{ id: number; call: string }>(
      "SELECT id, call FROM outbox WHERE status = 'done' ORDER BY seq DESC LIMIT 1",
    );
    expect(third).toBeDefined();
    await db.run("UPDATE outbox SET status = 'sending' WHERE id = ?", [third!.id]);
    await db.run('DELETE FROM id_map WHERE local_id = ?', [
      (JSON.parse(third!.call) as { localId: number }).localId,
    ]);
    await db.run('DELETE FROM audit_log WHERE outbox_id = ?', [third!.id]);
    await db.close();
    srv.faults.reset();
    const r2 = await push();
    expect(r2).toMatchObject({ ok: true });
    for (let i = 1; i <= 6; i++) {
      expect([...srv.state.departments.values()].filter((d) => d.name === `新病区${i}`)).toHaveLength(1);
    }
    const audit = await call<{ entries: Array<{ api: string }> }>('audit.list', { limit: 100 });
    expect(audit.entries.filter((e) => e.api === 'dept.create')).toHaveLength(6);
  });
});
