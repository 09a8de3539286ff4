import type { Logger } from './logger';

/** Where secrets live. Implementations never write a secret to disk in clear. */
export interface SecretStore {
  readonly kind: 'safeStorage' | 'memory' | 'environment';
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Everything that differs between Electron, the browser host and the CLI. */
export interface PlatformPorts {
  secrets: SecretStore;
  logger: Logger;
}
