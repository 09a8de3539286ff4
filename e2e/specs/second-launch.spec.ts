import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppShell } from '../pages/app-shell';
import { HostProcess } from '../support/host-process';
import { repoRoot } from '../support/processes';
import { expect, test } from '../support/fixtures';

/** A second launch on the same data folder, as a clerk double-clicking twice: it must never send. */
function launchAgain(dataDir: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src-main/devhost/main.ts'), '--port', '0', '--data-dir', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

test('a second launch on the same data folder is refused in Chinese; after a crash the next launch starts', async ({
  page,
}) => {
  const first = await HostProcess.start();
  try {
    const second = await launchAgain(first.dataDir);
    expect(second.code).toBe(1);
    expect(second.out).not.toMatch(/App ready/);
    expect(second.err).toContain(`综合部助手已在运行（进程 ${first.child.pid}`);
    // The first instance carries on.
    const shell = new AppShell(page);
    await shell.open(first.url);
    await expect(shell.demoBanner).toBeVisible();

    // A crash leaves its lock behind; the next launch sees the process is gone and starts.
    await first.stop('SIGKILL');
    const next = await HostProcess.start({}, first.dataDir);
    try {
      await shell.open(next.url);
      await expect(shell.demoBanner).toBeVisible();
    } finally {
      await next.stop();
    }
  } finally {
    await first.stop();
    first.removeData();
  }
});
