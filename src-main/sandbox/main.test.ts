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
