import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../platform/node/instance-lock';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { runCli } from './main';

const sink = () => {
  let text = '';
  const w = new Writable({
    write(chunk: Buffer, _e, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { w, text: () => text };
};

let sandbox: RunningSandbox;
let dir: string;
const saved = { ...process.env };
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'zhb-cli-'));
  const c = sandbox.credentials;
  Object.assign(process.env, {
    WECOM_API_BASE: sandbox.url,
    WECOM_CORP_ID: c.corpId,
    WECOM_CONTACTS_SECRET: c.contactsSecret,
    WECOM_APPS: JSON.stringify(c.apps),
  });
});
afterEach(async () => {
  process.env = { ...saved };
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = async (...args: string[]) => {
  const out = sink();
  const err = sink();
  const code = await runCli([...args, '--data-dir', dir], out.w as never, err.w as never);
  return { code, out: out.text(), err: err.text() };
};

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
});
