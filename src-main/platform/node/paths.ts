import { homedir } from 'node:os';
import { join } from 'node:path';

/** Default data folder per OS, matching where the Electron build keeps its userData. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'zhb-admin-desktop');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'zhb-admin-desktop');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'zhb-admin-desktop');
}
