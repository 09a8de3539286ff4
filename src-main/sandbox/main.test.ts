import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

describe('main.ts', () => {
  it('prints the listening line and one JSON credentials line, then serves until SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/sandbox/main.ts', '--port', '0', '--members', '30'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines: string[] = [];
      const rl = createInterface({ input: child.stdout });
      await new Promise<void>((resolve, reject) => {
        rl.on('line', (l) => {
          lines.push(l);
          if (lines.length === 2) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const m = /^WeCom sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0]!);
      expect(m).not.toBeNull();
      expect(Number(m![2])).toBeGreaterThan(0);
      const creds = JSON.parse(lines[1]!);
      expect(creds).toEqual({
        corpId: 'ww5a1d0e0c2b4f6a01',
        contactsSecret: 'sandbox-contacts-secret-0001',
        apps: [
          {
            name: '新区医院小助手',
            purpose: '小助手',
            agentid: 1000002,
            secret: 'sandbox-app-secret-1000002',
          },
          { name: '学科公告', purpose: '学科公告', agentid: 1000003, secret: 'sandbox-app-secret-1000003' },
          { name: '会议助手', purpose: '会议助手', agentid: 1000004, secret: 'sandbox-app-secret-1000004' },
          { name: '小助手云盘', purpose: '云盘', agentid: 1000005, secret: 'sandbox-app-secret-1000005' },
        ],
      });
      const res = await fetch(
        `${m![1]}/cgi-bin/gettoken?corpid=${creds.corpId}&corpsecret=${creds.contactsSecret}`,
      );
      expect(((await res.json()) as { errcode: number }).errcode).toBe(0);

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('main.ts corp flags', () => {
  it('--corp-id / --contacts-secret / --app-secret-prefix make it a different corp', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/sandbox/main.ts',
        '--port=0',
        '--members=10',
        '--corp-id',
        'ww0000000000000002',
        '--contacts-secret=real-contacts-secret-0002',
        '--app-secret-prefix',
        'real-app-secret-',
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const lines: string[] = [];
      const rl = createInterface({ input: child.stdout });
      await new Promise<void>((resolve, reject) => {
        rl.on('line', (l) => {
          lines.push(l);
          if (lines.length === 2) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const base = /^WeCom sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!)![1]!;
      const creds = JSON.parse(lines[1]!);
      expect(creds.corpId).toBe('ww0000000000000002');
      expect(creds.contactsSecret).toBe('real-contacts-secret-0002');
      expect(creds.apps[0].secret).toBe('real-app-secret-1000002');
      const ok = await fetch(
        `${base}/cgi-bin/gettoken?corpid=ww0000000000000002&corpsecret=real-contacts-secret-0002`,
      );
      expect(((await ok.json()) as { errcode: number }).errcode).toBe(0);
      const demoSecret = await fetch(
        `${base}/cgi-bin/gettoken?corpid=ww0000000000000002&corpsecret=sandbox-contacts-secret-0001`,
      );
      expect(((await demoSecret.json()) as { errcode: number }).errcode).toBe(40001);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits non-zero when --corp-id has no value', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/sandbox/main.ts', '--corp-id'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('--corp-id needs a value');
  });
});
