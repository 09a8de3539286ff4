import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupErrorText } from '../cli/messages';
import { createServices, type Services } from '../compose';
import { demoSandbox, demoSandboxUrl, stopDemoSandbox } from '../platform/node/demo-sandbox';
import { readEnvProfile } from '../platform/node/env-profile';
import { acquireInstanceLock } from '../platform/node/instance-lock';
import { nodePorts } from '../platform/node/node-ports';
import { parseHostOptions } from '../platform/node/options';
import { startDevhost } from './server';

export const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');

/** The /__test/… routes: only with ZHB_TEST_CONTROLS=1 (they reveal the demo sandbox's URL). */
export function testRoutesFor(env: NodeJS.ProcessEnv): ((path: string) => Promise<unknown> | null) | null {
  if (env.ZHB_TEST_CONTROLS !== '1') return null;
  return (path) => (path === '/__test/demo-sandbox' ? demoSandboxUrl().then((url) => ({ url })) : null);
}

/**
 * Starts the browser host and prints exactly one line, "App ready at <url>". Test-only routes
 * (/__test/…) exist only with ZHB_TEST_CONTROLS=1.
 */
export async function runDevhost(argv: string[]): Promise<void> {
  const o = parseHostOptions(argv);
  // Before anything touches the data folder: one process per folder (released on exit).
  const lock = acquireInstanceLock(o.dataDir, 'devhost', { exitHandlers: true });
  // ZHB_RENDERER_DIR: tests start the host without building the real renderer.
  const renderer = process.env.ZHB_RENDERER_DIR ?? rendererDir;
  let envProfile: ReturnType<typeof readEnvProfile>;
  let ports: ReturnType<typeof nodePorts>;
  let services: Services;
  try {
    envProfile = readEnvProfile(process.env);
    ports = nodePorts(o.dataDir, envProfile);
    if (!existsSync(join(renderer, 'index.html'))) {
      throw new Error('界面尚未构建：请先运行 npm run build:renderer（npm start 会自动构建）');
    }
    services = await createServices(ports, {
      dataDir: o.dataDir,
      apiBase: o.apiBase,
      envProfile,
      demo: demoSandbox,
      probeEveryMs: Number(process.env.ZHB_PROBE_MS ?? 15_000),
    });
  } catch (e) {
    lock.release();
    throw e;
  }
  const testRoutes = testRoutesFor(process.env);
  const host = await startDevhost({
    services,
    rendererDir: renderer,
    port: o.port,
    logger: ports.logger,
    ...(testRoutes ? { testRoutes } : {}),
  });
  ports.logger.info(`browser host on 127.0.0.1:${host.port}`, {
    dataDir: o.dataDir,
    apiBase: o.apiBase,
    env: envProfile !== null,
  });
  process.stdout.write(`App ready at ${host.url}\n`);
  const stop = async () => {
    await host.close();
    await services.close();
    await stopDemoSandbox();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runDevhost(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`浏览器模式启动失败：${startupErrorText(e)}\n`);
    process.exit(1);
  });
}
