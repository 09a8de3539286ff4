import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from '../pages/app-shell';
import { repoRoot } from '../support/processes';
import { expect, test } from '../support/fixtures';

test('npm start falls back to the browser host with one line saying why and one "App ready" line', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'zhb-start-'));
  const child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--data-dir', dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await expect.poll(() => out, { timeout: 120_000 }).toMatch(/App ready at /);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/无法启动 Electron.*浏览器模式/);
    const url = /^App ready at (http:\/\/127\.0\.0\.1:\d+\/\S+)$/.exec(lines[1] ?? '')?.[1];
    expect(url).toBeTruthy();
    const shell = new AppShell(page);
    await shell.open(url!);
    await expect(shell.demoBanner).toBeVisible();
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
