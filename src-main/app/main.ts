import { app, BrowserWindow, dialog, ipcMain, protocol, net, safeStorage, shell, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startupErrorText } from '../cli/messages';
import { createServices } from '../compose';
import { attachElectronAdapter } from '../ipc/electron-adapter';
import { createLogger } from '../platform/logger';
import { SafeStorageSecretStore } from '../platform/electron/safe-storage-secret-store';
import { demoSandbox, stopDemoSandbox } from '../platform/node/demo-sandbox';
import { readEnvProfile } from '../platform/node/env-profile';
import { acquireInstanceLock, type InstanceLock } from '../platform/node/instance-lock';
import { OFFICIAL_API_BASE } from '../wecom/http-client';
import { APP_ORIGIN, PRODUCTION_CSP, windowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

// Built as an ES module (package.json "type": "module"), where __dirname does not exist.
const here = fileURLToPath(new URL('.', import.meta.url));

let mainWindow: BrowserWindow | null = null;
let lock: InstanceLock | null = null;

async function main(): Promise<void> {
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
      apiBase: (process.env.WECOM_API_BASE ?? OFFICIAL_API_BASE).replace(/\/+$/, ''),
      envProfile,
      demo: demoSandbox,
      probeEveryMs: 15_000,
    },
  );
  const rendererDir = join(here, '..', 'renderer');
  protocol.handle('app', (req) => {
    const url = new URL(req.url);
    const rel = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = join(rendererDir, rel);
    if (!file.startsWith(rendererDir)) return new Response('forbidden', { status: 403 });
    return net.fetch(pathToFileURL(file).toString());
  });
  session.defaultSession.webRequest.onHeadersReceived((d, cb) =>
    cb({ responseHeaders: { ...d.responseHeaders, 'Content-Security-Policy': [PRODUCTION_CSP] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  const adapter = attachElectronAdapter({
    ipcMain,
    dispatch: services.dispatch,
    bus: services.bus,
    allowedOrigin: APP_ORIGIN,
  });

  const win = new BrowserWindow(windowOptions(join(here, '..', 'preload', 'index.cjs')));
  mainWindow = win;
  win.on('closed', () => (mainWindow = null));
  adapter.register(win.webContents);
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void services
      .close()
      .then(stopDemoSandbox)
      .finally(() => app.quit());
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
