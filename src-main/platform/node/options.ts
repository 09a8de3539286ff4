import { resolve } from 'node:path';
import { OFFICIAL_API_BASE } from '../../wecom/http-client';
import { defaultDataDir } from './paths';

export interface HostOptions {
  dataDir: string;
  port: number;
  apiBase: string;
  json: boolean;
  rest: string[];
  /** every --flag as given (bare flags are `true`), for commands with their own options */
  flags: ReadonlyMap<string, string | true>;
}

/**
 * Flags win over environment variables, which win over defaults:
 * --data-dir / ZHB_DATA_DIR, --port / ZHB_PORT, --api-base / WECOM_API_BASE.
 */
export function parseHostOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): HostOptions {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags.set(k, v);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(k, argv[++i]!);
      else flags.set(k, true);
    } else rest.push(a);
  }
  const str = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined);
  const port = Number(str('port') ?? env.ZHB_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`端口无效：${str('port') ?? env.ZHB_PORT}`);
  return {
    dataDir: resolve(str('data-dir') ?? env.ZHB_DATA_DIR ?? defaultDataDir(env)),
    port,
    apiBase: (str('api-base') ?? env.WECOM_API_BASE ?? OFFICIAL_API_BASE).replace(/\/+$/, ''),
    json: flags.has('json'),
    rest,
    flags,
  };
}
