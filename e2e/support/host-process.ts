import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs, stop } from './processes';

/** The browser host with its own fresh data directory. */
export class HostProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}, dataDir?: string): Promise<HostProcess> {
    const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'zhb-e2e-'));
    const { child, match } = await spawnTs(
      'src-main/devhost/main.ts',
      ['--port', '0', '--data-dir', dir],
      { ZHB_TEST_CONTROLS: '1', ZHB_PROBE_MS: '500', ...env },
      /^App ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/,
    );
    return new HostProcess(child, match[1]!, dir);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await stop(this.child, signal);
  }

  removeData(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
