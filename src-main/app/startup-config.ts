import { defaultDataDir } from '../platform/node/paths';
import { OFFICIAL_API_BASE } from '../wecom/http-client';

/**
 * The WeCom base URL for the desktop app. A packaged app refuses anything but https: gettoken sends
 * the corpsecret in the query string, which must never cross the network in clear (review L4).
 */
export function electronApiBase(env: NodeJS.ProcessEnv, isPackaged: boolean): string {
  const base = (env.WECOM_API_BASE?.trim() || OFFICIAL_API_BASE).replace(/\/+$/, '');
  if (!isPackaged) return base;
  let protocol: string;
  try {
    protocol = new URL(base).protocol;
  } catch {
    throw new Error('环境变量 WECOM_API_BASE 不是有效的网址，请删除该变量或改为 https:// 开头的地址');
  }
  if (protocol !== 'https:')
    throw new Error('环境变量 WECOM_API_BASE 必须以 https:// 开头：安装版不通过未加密的连接发送 Secret');
  return base;
}

/**
 * Electron names userData after productName (综合部助手), while the CLI and the browser host use
 * zhb-admin-desktop (platform/node/paths.ts). Pinning it makes all three share one data folder
 * (review L11). Must run before the single-instance lock, which lives in userData.
 */
export function pinUserData(
  app: { setPath(name: 'userData', path: string): void },
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const dir = defaultDataDir(env, platform);
  app.setPath('userData', dir);
  return dir;
}
