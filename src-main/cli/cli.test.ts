import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../platform/node/instance-lock';
import { createServices } from '../compose';
import type { ChangeOp } from '../contract/org-edit';
import { readEnvProfile } from '../platform/node/env-profile';
import { nodePorts } from '../platform/node/node-ports';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { runIn, useSandboxEnv } from './test-kit';

let sandbox: RunningSandbox;
let dir: string;
const saved = { ...process.env };
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'zhb-cli-'));
  useSandboxEnv(sandbox);
});
afterEach(async () => {
  process.env = { ...saved };
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => runIn(dir, ...args);

/** Stages a change through the real services on the CLI's data folder, as the desktop app would. */
const stage = async (label: string, ops: ChangeOp[]) => {
  const env = readEnvProfile(process.env);
  const s = await createServices(nodePorts(dir, env), {
    dataDir: dir,
    apiBase: sandbox.url,
    envProfile: env,
    demo: () => Promise.reject(new Error('no demo')),
  });
  try {
    return await s.editor.stage(label, ops);
  } finally {
    await s.close();
  }
};
const deptByName = (name: string) => [...sandbox.state.departments.values()].filter((d) => d.name === name);
const clinicalId = () => deptByName('临床科室')[0]!.id;

describe('cli', () => {
  it('status before and after sync, in words and as JSON', async () => {
    const before = await run('status', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ ok: true, mode: 'corp', members: 0, lastSyncAt: null });

    const sync = await run('sync');
    expect(sync.code).toBe(0);
    expect(sync.out).toContain(`${sandbox.state.users.size} 名成员`);
    expect(sync.err).toContain('拉取成员');

    const after = JSON.parse((await run('status', '--json')).out) as { members: number; lastSyncAt: string };
    expect(after.members).toBe(sandbox.state.users.size);
    expect(after.lastSyncAt).toMatch(/^\d{4}-/);
  });

  it('fails with a Chinese message and a non-zero exit on a wrong secret', async () => {
    process.env.WECOM_CONTACTS_SECRET = 'wrong';
    process.env.WECOM_APPS = '[]';
    const r = await run('sync', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'WECOM_SECRET_INVALID' } });
    expect(r.err).toContain('Secret 不正确');
  });

  it('fails clearly when WeCom cannot be reached', async () => {
    process.env.WECOM_API_BASE = 'http://127.0.0.1:9';
    const r = await run('sync');
    expect(r.code).toBe(1);
    expect(r.err).toContain('无法连接企业微信');
  }, 60_000);

  it('rejects unknown commands and bad WECOM_APPS with usage exit codes', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    process.env.WECOM_APPS = '{not json';
    const r = await run('status');
    expect(r.code).toBe(1);
    expect(r.err).toContain('输入或配置有误');
  });

  it('refuses to run while another instance holds the data folder, and releases its own lock', async () => {
    const lock = acquireInstanceLock(dir, 'electron');
    const r = await run('status', '--json');
    lock.release();
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'INSTANCE_RUNNING' } });
    expect(r.err).toContain(`综合部助手已在运行（进程 ${process.pid}，桌面应用，`);
    expect((await run('status')).code).toBe(0);
    expect(existsSync(join(dir, 'zhb.lock'))).toBe(false);
  });

  it('changes lists a staged change and push applies it', async () => {
    expect((await run('sync')).code).toBe(0);
    await stage('新建康复二科', [
      { type: 'dept.create', id: -1, name: '康复二科', parentid: clinicalId(), order: 3 },
    ]);
    const listed = await run('changes');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('待推送的修改：1 项');
    expect(listed.out).toContain('新建康复二科');
    const asJson = JSON.parse((await run('changes', '--json')).out) as {
      changes: Array<{ id: number; label: string; summaries: string[]; createdAt: string }>;
      unsettled: unknown[];
    };
    expect(asJson.changes).toHaveLength(1);
    expect(asJson.changes[0]).toMatchObject({
      label: '新建康复二科',
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(asJson.changes[0]!.summaries.join()).toContain('康复二科');
    expect(asJson.unsettled).toEqual([]);

    const pushed = await run('push');
    expect(pushed.code).toBe(0);
    expect(pushed.err).toContain('推送中 1/1');
    expect(pushed.out).toContain('推送完成');
    expect(deptByName('康复二科')).toHaveLength(1);
    expect(deptByName('康复二科')[0]!.parentid).toBe(clinicalId());
    const left = JSON.parse((await run('changes', '--json')).out) as {
      changes: unknown[];
      unsettled: unknown[];
    };
    expect(left).toMatchObject({ changes: [], unsettled: [] });
    // Nothing left: a second push succeeds and sends nothing.
    const again = await run('push', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, pushedChanges: 0 });
    expect(deptByName('康复二科')).toHaveLength(1);
  });

  it('push before any sync exits 1 with the NOT_SYNCED text', async () => {
    const r = await run('push');
    expect(r.code).toBe(1);
    expect(r.err).toContain('本地还没有当前企业的通讯录');
    const j = await run('push', '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, error: { code: 'NOT_SYNCED' } });
  });

  it('a refused call fails the push and shows up as a failed row with its reason', async () => {
    expect((await run('sync')).code).toBe(0);
    await stage('新建甲科', [
      { type: 'dept.create', id: -1, name: '甲科', parentid: clinicalId(), order: 1 },
    ]);
    sandbox.faults.failNext('department/create', 60008);
    const r = await run('push', '--json');
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out) as {
      ok: boolean;
      failed: Array<{ errcode: number }>;
      error: { code: string };
    };
    expect(res).toMatchObject({ ok: false, error: { code: 'WECOM_REQUEST_REJECTED' } });
    expect(res.failed).toMatchObject([{ errcode: 60008 }]);
    expect(r.err).not.toContain('推送中'); // --json keeps stderr quiet
    expect(deptByName('甲科')).toHaveLength(0);

    const text = await run('push');
    expect(text.code).toBe(1);
    expect(text.err).toContain('推送未完成');
    expect(text.err).toContain('失败 #');

    const listed = JSON.parse((await run('changes', '--json')).out) as {
      changes: unknown[];
      unsettled: Array<{ status: string; errcode: number | null; reason: string | null; summary: string }>;
    };
    expect(listed.changes).toHaveLength(1);
    expect(listed.unsettled).toHaveLength(1);
    expect(listed.unsettled[0]).toMatchObject({ status: 'failed', errcode: 60008 });
    expect(listed.unsettled[0]!.reason).toBeTruthy();
    expect(listed.unsettled[0]!.summary).toContain('甲科');
    expect((await run('changes')).out).toContain('失败 ');
  });
});
