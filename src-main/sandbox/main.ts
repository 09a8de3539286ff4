import { startSandbox, type SandboxOptions } from './index';

// Printed for --help and after a bad argument; user-facing, hence Chinese.
const USAGE = `用法: npm run sandbox -- [选项]
  --port <n>                 监听端口，0 = 随机（默认）
  --members <n>              成员数（默认 866）
  --departments <n>          部门数（默认为演示医院）
  --seed <n>                 随机种子（默认 20181）
  --rate-limits              启用企业微信的每分钟调用频率限制（45009）
  --corp-id <id>             企业ID（默认 ww5a1d0e0c2b4f6a01），用于模拟另一个企业
  --contacts-secret <s>      通讯录同步 Secret（默认 sandbox-contacts-secret-0001）
  --app-secret-prefix <p>    应用 Secret 前缀，Secret 为 <前缀><AgentId>（默认 sandbox-app-secret-）`;

function parseArgs(argv: string[]): SandboxOptions {
  const opts: SandboxOptions = {};
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${flag} needs a non-negative integer`);
    return n;
  };
  const str = (flag: string, v: string | undefined): string => {
    if (v === undefined || v.trim() === '' || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        opts.port = num(flag, value());
        break;
      case '--members':
        opts.members = num(flag, value());
        break;
      case '--departments':
        opts.departments = num(flag, value());
        break;
      case '--seed':
        opts.seed = num(flag, value());
        break;
      case '--corp-id':
        opts.corpId = str(flag, value());
        break;
      case '--contacts-secret':
        opts.contactsSecret = str(flag, value());
        break;
      case '--app-secret-prefix':
        opts.appSecretPrefix = str(flag, value());
        break;
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      case '--rate-limits':
        opts.rateLimits = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
  process.stdout.write(`WeCom sandbox listening on ${sandbox.url}\n`);
  process.stdout.write(`${JSON.stringify(sandbox.credentials)}\n`);
  const stop = (): void => {
    void sandbox.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  console.error(USAGE);
  process.exit(1);
});
