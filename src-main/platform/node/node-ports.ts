import { join } from 'node:path';
import { createLogger } from '../logger';
import type { PlatformPorts } from '../ports';
import { EnvSecretStore, type EnvProfile } from './env-profile';
import { MemorySecretStore } from './memory-secret-store';

/** Ports for the browser host and the CLI: secrets in memory or from the environment, never on disk. */
export function nodePorts(
  dataDir: string,
  envProfile: EnvProfile | null,
  opts: { console?: boolean } = {},
): PlatformPorts {
  return {
    secrets: envProfile ? new EnvSecretStore(envProfile) : new MemorySecretStore(),
    logger: createLogger({
      file: join(dataDir, 'logs', 'main.log'),
      level: 'info',
      console: opts.console ?? false,
    }),
  };
}
