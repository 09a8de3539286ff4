import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactsCall } from '../../contract/outbox';
import { createLogger } from '../../platform/logger';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { WecomHttp } from '../../wecom/http-client';
import { contactsHandler } from './contacts-handler';
import type { OutboxHandler } from './handler';

let sb: RunningSandbox;
let h: OutboxHandler<ContactsCall>;
beforeAll(async () => {
  sb = await startSandbox();
  const http = new WecomHttp({ baseURL: sb.url, logger: createLogger(), minRetryDelayMs: 5 });
  h = contactsHandler(http, {
    corpId: sb.credentials.corpId,
    secret: sb.credentials.contactsSecret,
    label: 't',
  });
});
afterAll(() => sb.close());

const dept = (name: string) => [...sb.state.departments.values()].find((d) => d.name === name)!;
const someUser = (deptId: number) => [...sb.state.users.values()].find((u) => u.department.includes(deptId))!;

/**
 * Reconcile reads WeCom to decide whether a call whose reply was lost took effect. For every kind:
 * before the call it must say "not applied", after it "applied" (with the id WeCom gave, for creates).
 */
describe('contacts reconcile, for every kind', () => {
  it('dept.create, dept.update, dept.delete', async () => {
    const parent = dept('临床科室');
    const create: ContactsCall = {
      kind: 'dept.create',
      localId: -1,
      name: '核对测试科',
      parentId: parent.id,
      order: 1,
    };
    expect(await h.reconcile(create)).toEqual({ applied: false });
    const sent = await h.send(create);
    expect(await h.reconcile(create)).toEqual({ applied: true, remoteId: sent.remoteId });

    const id = sent.remoteId!;
    const rename: ContactsCall = { kind: 'dept.update', id, name: '核对测试二科', order: 7 };
    expect(await h.reconcile(rename)).toEqual({ applied: false });
    await h.send(rename);
    expect((await h.reconcile(rename)).applied).toBe(true);

    const del: ContactsCall = { kind: 'dept.delete', id };
    expect(await h.reconcile(del)).toEqual({ applied: false });
    await h.send(del);
    expect((await h.reconcile(del)).applied).toBe(true);
  });

  it('member.create, member.update, member.delete', async () => {
    const d = dept('心血管内科');
    const create: ContactsCall = {
      kind: 'member.create',
      userid: 'reconcile01',
      fields: {
        name: '核对',
        alias: '',
        mobile: '13900001111',
        email: '',
        telephone: '',
        position: '医师',
        gender: '1',
        enable: true,
        departments: [{ departmentId: d.id, order: 0, isLeader: false }],
        mainDepartment: d.id,
        directLeader: [],
      },
    };
    expect(await h.reconcile(create)).toEqual({ applied: false });
    await h.send(create);
    expect((await h.reconcile(create)).applied).toBe(true);

    const other = dept('呼吸与危重症医学科');
    const move: ContactsCall = {
      kind: 'member.update',
      userid: 'reconcile01',
      fields: {
        position: '主治医师',
        departments: [{ departmentId: other.id, order: 0, isLeader: true }],
        mainDepartment: other.id,
      },
    };
    expect(await h.reconcile(move)).toEqual({ applied: false });
    await h.send(move);
    expect((await h.reconcile(move)).applied).toBe(true);

    const del: ContactsCall = { kind: 'member.delete', userid: 'reconcile01' };
    expect(await h.reconcile(del)).toEqual({ applied: false });
    await h.send(del);
    expect((await h.reconcile(del)).applied).toBe(true);
  });

  it('tag.create, tag.update, tag.addMembers, tag.removeMembers, tag.delete', async () => {
    const create: ContactsCall = { kind: 'tag.create', localId: -1, name: '核对标签' };
    expect(await h.reconcile(create)).toEqual({ applied: false });
    const sent = await h.send(create);
    expect(await h.reconcile(create)).toEqual({ applied: true, remoteId: sent.remoteId });
    const tagid = sent.remoteId!;

    const rename: ContactsCall = { kind: 'tag.update', tagid, name: '核对标签二' };
    expect(await h.reconcile(rename)).toEqual({ applied: false });
    await h.send(rename);
    expect((await h.reconcile(rename)).applied).toBe(true);

    const d = dept('心血管内科');
    const u = someUser(d.id);
    const add: ContactsCall = { kind: 'tag.addMembers', tagid, userids: [u.userid], departmentIds: [d.id] };
    const remove: ContactsCall = { ...add, kind: 'tag.removeMembers' };
    expect(await h.reconcile(add)).toEqual({ applied: false });
    expect((await h.reconcile(remove)).applied).toBe(true);
    await h.send(add);
    expect((await h.reconcile(add)).applied).toBe(true);
    expect(await h.reconcile(remove)).toEqual({ applied: false });
    await h.send(remove);
    expect((await h.reconcile(remove)).applied).toBe(true);

    const del: ContactsCall = { kind: 'tag.delete', tagid };
    expect(await h.reconcile(del)).toEqual({ applied: false });
    await h.send(del);
    expect((await h.reconcile(del)).applied).toBe(true);
  });

  it('member.invite cannot be read back, so it counts as sent and is never sent twice', async () => {
    const r = await h.reconcile({ kind: 'member.invite', userids: ['anyone'] });
    expect(r).toMatchObject({ applied: true, note: expect.stringContaining('未重复发送') });
  });

  it('treats "exists" / "not found" refusals as possibly our own earlier call', async () => {
    const parent = dept('医技科室');
    const create: ContactsCall = {
      kind: 'dept.create',
      localId: -2,
      name: '重复名科',
      parentId: parent.id,
      order: 0,
    };
    await h.send(create);
    const again = await h.send(create).then(
      () => null,
      (e: unknown) => e,
    );
    expect(h.meansApplied(create, again)).toBe(true);
    const del: ContactsCall = { kind: 'member.delete', userid: 'nobody-here' };
    const missing = await h.send(del).then(
      () => null,
      (e: unknown) => e,
    );
    expect(h.meansApplied(del, missing)).toBe(true);
    expect(h.meansApplied({ kind: 'dept.update', id: parent.id, name: 'x' }, missing)).toBe(false);
  });
});
