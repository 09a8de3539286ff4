import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { HostProcess } from '../support/host-process';
import { repoRoot } from '../support/processes';
import { SandboxProcess } from '../support/sandbox-process';
import { buildRenderer } from './bundle';
import { measureUi, type UiFigures } from './ui-phases';
import { printUiReport } from './ui-report';

/**
 * `npm run bench`, UI part: the 通讯录 page in Debian's Chromium over 3,000 departments / 50,000
 * members, at every CPU slowdown in BENCH_CPU_SLOWDOWN (default "1,4": this machine and a slow
 * hospital PC), each on a fresh copy of the same synced cache. Budgets are printed as ratios.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function slowdowns(spec = process.env.BENCH_CPU_SLOWDOWN ?? '1,4'): number[] {
  const list = spec
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n) && n >= 1);
  return list.length > 0 ? list : [1];
}

export async function benchUi(sandbox: SandboxProcess, rendererDir: string): Promise<UiFigures[]> {
  const baseDir = mkdtempSync(join(tmpdir(), 'zhb-bench-ui-'));
  const env = { ...sandbox.env(), ZHB_PROBE_MS: '60000', ZHB_RENDERER_DIR: rendererDir };
  // Fill the cache the way IT would; every run opens the app on its own copy of it.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src-main/cli/main.ts'), 'sync', '--json', '--data-dir', baseDir],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const figures: UiFigures[] = [];
  try {
    for (const slowdown of slowdowns()) {
      const dataDir = mkdtempSync(join(tmpdir(), 'zhb-bench-ui-run-'));
      cpSync(baseDir, dataDir, { recursive: true });
      const host = await HostProcess.start(env, dataDir);
      try {
        figures.push(await measureUi(browser, host.url, slowdown));
      } finally {
        await host.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    rmSync(baseDir, { recursive: true, force: true });
  }
  return figures;
}

async function main(): Promise<void> {
  const members = Number(process.env.BENCH_MEMBERS ?? 50_000);
  const departments = Number(process.env.BENCH_DEPARTMENTS ?? 3_000);
  const bundle = buildRenderer();
  const sandbox = await SandboxProcess.start({ members, departments });
  try {
    const figures = await benchUi(sandbox, bundle.dir);
    printUiReport({ members, departments, bundle, figures });
  } finally {
    await sandbox.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
