import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../compose';
import { AppError } from '../contract/errors';
import { demoSandbox, stopDemoSandbox } from '../platform/node/demo-sandbox';
import { readEnvProfile } from '../platform/node/env-profile';
import { acquireInstanceLock, type InstanceLock } from '../platform/node/instance-lock';
import { nodePorts } from '../platform/node/node-ports';
import { parseHostOptions } from '../platform/node/options';
import { followJob } from '../services/jobs/follow-job';
import { startupErrorText } from './messages';
import { commands, commandUsage } from './commands';

const usage = `用法：npm run cli -- <命令> [--json] [--data-dir <目录>]
命令：
  status   显示当前企业、缓存的通讯录规模和上次同步时间
  sync     从企业微信拉取部门、成员和标签到本地缓存
${commandUsage}`;

/** Headless commands for IT staff's scheduled jobs; exit code 0 on success, 1 on failure, 2 on usage. */
export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let o;
  try {
    o = parseHostOptions(argv);
  } catch (e) {
    err.write(`${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  const cmd = o.rest[0];
  const command = cmd ? commands.get(cmd) : undefined;
  if (cmd !== 'status' && cmd !== 'sync' && !command) {
    err.write(`${cmd ? `未知命令：${cmd}\n` : ''}${usage}\n`);
    return 2;
  }
  let services: Services | null = null;
  let lock: InstanceLock | null = null;
  try {
    // Every command takes the data folder's lock, even read-only ones: simple, and a CLI sync must
    // never run beside the desktop app or the browser host.
    lock = acquireInstanceLock(o.dataDir, 'cli', { exitHandlers: true, signalHandlers: true });
    const envProfile = readEnvProfile(process.env);
    services = await createServices(nodePorts(o.dataDir, envProfile), {
      dataDir: o.dataDir,
      apiBase: o.apiBase,
      envProfile,
      demo: demoSandbox,
    });
    if (command)
      return await command(services, {
        json: o.json,
        out,
        err,
        args: { rest: o.rest.slice(1), flags: o.flags },
      });
    if (cmd === 'sync') await runSync(services, o.json, out, err);
    const profile = await services.settings.profile();
    const state = await services.org.syncState();
    const summary = {
      mode: profile.mode,
      corpId: profile.corpId,
      apiBase: profile.apiBase,
      ...state,
      runningJobId: undefined,
    };
    if (o.json) out.write(JSON.stringify({ ok: true, command: cmd, ...summary }) + '\n');
    else {
      out.write(
        [
          `模式：${profile.mode === 'demo' ? '演示模式（内置沙箱）' : '企业'}  企业ID：${profile.corpId}`,
          `通讯录缓存：${state.departments} 个部门，${state.members} 名成员，${state.tags} 个标签`,
          `上次同步：${state.lastSyncAt ?? '从未同步'}`,
        ].join('\n') + '\n',
      );
    }
    return 0;
  } catch (e) {
    const code = e instanceof AppError ? e.code : 'INTERNAL';
    const details = e instanceof AppError ? e.details : undefined;
    const text = startupErrorText(e);
    if (o.json)
      out.write(JSON.stringify({ ok: false, command: cmd, error: { code, message: text, details } }) + '\n');
    err.write(`失败：${text}\n`);
    return 1;
  } finally {
    await services?.close();
    await stopDemoSandbox();
    lock?.release();
  }
}

async function runSync(
  s: Services,
  json: boolean,
  _out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<void> {
  const r = await followJob(
    s.bus,
    () => s.org.startSync(),
    (p) => {
      if (!json) err.write(`\r${phaseText[p.phase] ?? p.phase} ${p.done}/${p.total}   `);
    },
  );
  if (!json) err.write('\n');
  if (!r.ok && r.error) {
    throw new AppError(r.error.code, r.error.message, {
      ...(r.error.details ? { details: r.error.details } : {}),
    });
  }
}

const phaseText: Record<string, string> = {
  departments: '拉取部门',
  members: '拉取成员',
  tags: '拉取标签',
  write: '写入本地缓存',
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
