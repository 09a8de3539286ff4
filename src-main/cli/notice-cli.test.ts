import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { runIn, useSandboxEnv } from './test-kit';

let sandbox: RunningSandbox;
let dir: string;
const saved = { ...process.env };
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'zhb-cli-notice-'));
  useSandboxEnv(sandbox);
});
afterEach(async () => {
  process.env = { ...saved };
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => runIn(dir, ...args);
const joined = () => [...sandbox.state.users.values()].filter((u) => u.status === 1);

describe('npm run cli -- notice', () => {
  it('sends a text without a prior sync and prints one JSON line', async () => {
    const [a, b] = joined();
    const r = await run(
      'notice',
      'send',
      '--app',
      '新区医院小助手',
      '--to-user',
      `${a!.userid},${b!.userid},nobody`,
      '--text',
      '停电通知：周六 8:00–12:00',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.sends).toHaveLength(1);
    expect(j.sends[0].msgid).toMatch(/^[\w-]{63}$/);
    expect(j.invaliduser).toEqual(['nobody']);
    expect(sandbox.messaging.log.inbox(a!.userid)).toHaveLength(1);
  });

  it('running the same command again after a lost reply does not deliver twice', async () => {
    const u = joined()[0]!.userid;
    sandbox.faults.dropReplies('message/send', 2);
    const args = ['notice', 'send', '--app', '1000002', '--to-user', u, '--text', '会议改到 15:00'];
    const first = await run(...args);
    expect(first.code).toBe(1);
    expect(first.err).toContain('待发送');
    const second = await run(...args);
    expect(second.code).toBe(0);
    expect(second.err).toContain('不会重复投递');
    expect(sandbox.messaging.log.inbox(u)).toHaveLength(1);
    const listed = JSON.parse((await run('notice', 'list', '--json')).out);
    expect(listed.notices).toHaveLength(1);
    expect(listed.notices[0].status).toBe('sent');
  });

  it('sends a file with a Chinese name', async () => {
    const path = join(dir, '..', `值班安排-${process.pid}.txt`);
    writeFileSync(path, '元旦值班安排：……');
    const u = joined()[0]!.userid;
    const r = await run('notice', 'send', '--app', '新区医院小助手', '--to-user', u, '--file', path);
    rmSync(path);
    expect(r.code).toBe(0);
    const got = sandbox.messaging.log.inbox(u)[0]!;
    const media = sandbox.messaging.media.get((got.payload as { media_id: string }).media_id);
    expect(media?.filename).toBe(`值班安排-${process.pid}.txt`);
  });

  it('a usage mistake exits non-zero with a Chinese message', async () => {
    const r = await run('notice', 'send', '--app', '不存在的应用', '--to-all', '--text', 'x');
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有名为「不存在的应用」的应用');
  });
});
