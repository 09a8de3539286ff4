import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRunnableElectron } from './electron-binary';

/**
 * `npm start`: Electron where its binary can run; otherwise one line saying why, then the browser
 * host (which prints the single "App ready at …" line).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

function run(cmd: string, cmdArgs: string[]): void {
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    process.stderr.write(`构建失败：${cmd} ${cmdArgs.join(' ')}\n`);
    process.exit(1);
  }
}

function ensureRendererBuilt(): void {
  const index = join(root, 'out', 'renderer', 'index.html');
  const stale = !existsSync(index) || newestMtime(join(root, 'src-renderer')) > statSync(index).mtimeMs;
  if (stale) run('npx', ['vite', 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'error']);
}

const electron =
  process.env.ZHB_FORCE_BROWSER === '1'
    ? { reason: '已设置 ZHB_FORCE_BROWSER=1' }
    : findRunnableElectron(root);
if ('path' in electron) {
  run('npx', ['electron-vite', 'build', '--config', '.config/electron.vite.config.ts']);
  const child = spawn(electron.path, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`无法启动 Electron 桌面窗口（${electron.reason}），改用浏览器模式：\n`);
  ensureRendererBuilt();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src-main', 'devhost', 'main.ts'), ...args],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
