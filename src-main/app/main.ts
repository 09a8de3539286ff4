import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  net,
  safeStorage,
  shell,
  session,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupErrorText } from '../cli/messages';
import { createServices } from '../compose';
import { attachElectronAdapter } from '../ipc/electron-adapter';
import { createLogger } from '../platform/logger';
import { SafeStorageSecretStore } from '../platform/electron/safe-storage-secret-store';
import { demoSandbox, stopDemoSandbox } from '../platform/node/demo-sandbox';
import { readEnvProfile } from '../platform/node/env-profile';
import { acquireInstanceLock, type InstanceLock } from '../platform/node/instance-lock';
import { createAppProtocolHandler } from './app-protocol';
import { installAppGuards } from './guards';
import { electronApiBase, pinUserData } from './startup-config';
import { APP_ORIGIN, windowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

// Built as an ES module (package.json "type": "module"), where __dirname does not exist.
const here = fileURLToPath(new URL('.', import.meta.url));

let mainWindow: BrowserWindow | null = null;
let lock: InstanceLock | null = null;

async function main(): Promise<void> {
  // Same data folder as the CLI and the browser host; before the lock below, which lives in userData.
  pinUserData(app);
  // Refuse an http WECOM_API_BASE in the packaged app before anything else starts.
  const apiBase = electronApiBase(process.env, app.isPackaged);
  const devTools = !app.isPackaged;
  // A second double-click must not start a second app on the same data (review H3): hand over to
  // the running one, which comes to the front.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  await app.whenReady();
  // The default menu carries DevTools and reload shortcuts.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  // Every webContents, including ones nobody expected, is guarded from its creation (no window
  // exists before ready; session.defaultSession is only available from here).
  installAppGuards({
    app,
    session: session.defaultSession,
    openExternal: (url) => shell.openExternal(url),
    devTools,
  });
  const dataDir = process.env.ZHB_DATA_DIR ?? app.getPath('userData');
  // The file lock also keeps the CLI and the browser host off this data folder while we run.
  lock = acquireInstanceLock(dataDir, 'electron', { exitHandlers: true });
  app.on('will-quit', () => lock?.release());
  const logger = createLogger({ file: join(dataDir, 'logs', 'main.log') });
  const envProfile = readEnvProfile(process.env);
  const services = await createServices(
    { secrets: new SafeStorageSecretStore(safeStorage, join(dataDir, 'secrets.json')), logger },
    {
      dataDir,
      apiBase,
      envProfile,
      demo: demoSandbox,
      probeEveryMs: 15_000,
    },
  );
  const rendererDir = join(here, '..', 'renderer');
  // The CSP header goes on the protocol's own responses: Electron emits no webRequest header
  // events for custom protocols (review M1).
  protocol.handle('app', createAppProtocolHandler({ rendererDir, fetchFile: (url) => net.fetch(url) }));
  const adapter = attachElectronAdapter({
    ipcMain,
    dispatch: services.dispatch,
    bus: services.bus,
    allowedOrigin: APP_ORIGIN,
  });

  const win = new BrowserWindow(windowOptions(join(here, '..', 'preload', 'index.cjs'), { devTools }));
  mainWindow = win;
  win.on('closed', () => (mainWindow = null));
  adapter.register(win.webContents);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void services
      .close()
      .then(stopDemoSandbox)
      // Log lines are written asynchronously; let the last ones reach the file.
      .finally(() => logger.flush().finally(() => app.quit()));
  });
}

// Without this catch a failed start (newer or damaged database, app already running, bad WECOM_APPS)
// leaves a windowless process behind (review M3): say why, in Chinese, and exit.
main().catch((e: unknown) => {
  dialog.showErrorBox('综合部助手无法启动', startupErrorText(e));
  // app.exit skips will-quit, so let go of the data folder here.
  lock?.release();
  app.exit(1);
});
