import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '../db/connection';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;
let renderer: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhb-start-'));
  renderer = mkdtempSync(join(tmpdir(), 'zhb-start-r-'));
  writeFileSync(join(renderer, 'index.html'), '<html lang="zh-CN">ok</html>');
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(renderer, { recursive: true, force: true });
});

/** The env of a plain demo-mode start: no corp from the test runner's environment. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ZHB_RENDERER_DIR: renderer, ZHB_PROBE_MS: '600000' };
  for (const k of Object.keys(e)) if (k.startsWith('WECOM_') || k === 'ZHB_DATA_DIR') delete e[k];
  return { ...e, ...extra };
}

function start(entry: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], {
    cwd: root,
    env: env(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    exited: exited.then((code) => ({ code, out, err })),
    ready: async () => {
      for (let i = 0; i < 600 && !out.includes('App ready at'); i++) {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    },
  };
}
const devhost = (extra?: NodeJS.ProcessEnv) =>
  start('src-main/devhost/main.ts', ['--port', '0', '--data-dir', dir], extra);
const cli = (...args: string[]) => start('src-main/cli/main.ts', [...args, '--data-dir', dir]).exited;

describe('startup failures, as a user sees them', () => {
  it('a second browser host on the same data folder exits 1 with one Chinese line', async () => {
    const first = devhost();
    expect(await first.ready()).toMatch(/App ready at http:\/\/127\.0\.0\.1:/);
    const second = await devhost().exited;
    expect(second.code).toBe(1);
    expect(second.err.trim().split('\n')).toHaveLength(1);
    expect(second.err).toContain(`综合部助手已在运行（进程 ${first.child.pid}，浏览器模式，`);
    expect(second.err).toContain('请先关闭它，或稍候再试。');
    // The CLI is kept out too.
    const status = await cli('status');
    expect(status.code).toBe(1);
    expect(status.err).toContain('综合部助手已在运行');
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(existsSync(join(dir, 'zhb.lock'))).toBe(false);
    expect((await cli('status')).code).toBe(0);
  }, 60_000);

  it('a malformed WECOM_APPS is one Chinese line and exit 1', async () => {
    const r = await devhost({ WECOM_CORP_ID: 'ww1', WECOM_APPS: '{not json' }).exited;
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(/^浏览器模式启动失败：输入或配置有误：环境变量 WECOM_APPS 的内容不正确/);
    expect(existsSync(join(dir, 'zhb.lock'))).toBe(false);
  }, 30_000);

  it('a damaged main database is refused (DB_CORRUPT) and left as it was', async () => {
    const junk = 'garbage, not SQLite '.repeat(300);
    writeFileSync(join(dir, 'zhb.sqlite'), junk);
    const r = await cli('status');
    expect(r.code).toBe(1);
    expect(r.err).toContain('本地数据库文件已损坏');
    expect(r.err).toContain(join(dir, 'zhb.sqlite'));
    expect(readFileSync(join(dir, 'zhb.sqlite'), 'utf8')).toBe(junk);
    const d = await devhost().exited;
    expect(d.code).toBe(1);
    expect(d.err).toContain('为保护其中的记录，综合部助手不会覆盖或修改它');
  }, 30_000);

  it('a database from a newer version is refused (DB_TOO_NEW)', async () => {
    const db = await Db.open(join(dir, 'zhb.sqlite'));
    await db.exec('PRAGMA user_version = 999');
    await db.close();
    const r = await devhost().exited;
    expect(r.code).toBe(1);
    expect(r.err).toContain('更新版本的综合部助手');
  }, 30_000);
});
