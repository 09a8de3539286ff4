import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds an Electron binary that can actually run, without triggering Electron's lazy download
 * (Electron ≥42 downloads on first require; offline PCs and CI have no binary).
 */
export function findRunnableElectron(root: string): { path: string } | { reason: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { reason: '未安装 Electron 可执行文件（离线环境无法下载）' };
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(bin)) return { reason: 'Electron 可执行文件缺失' };
  const probe = spawnSync(bin, ['--version'], {
    timeout: 10_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) return { reason: 'Electron 无法在本机运行（可能缺少图形界面）' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: '没有图形界面（DISPLAY 未设置）' };
  }
  return { path: bin };
}
