import type { ChildProcess } from 'node:child_process';
import { spawnTs, stop } from './processes';

export interface SandboxCreds {
  corpId: string;
  contactsSecret: string;
  apps: Array<{ name: string; purpose: string; agentid: number; secret: string }>;
}

/** A standalone WeCom sandbox, driven over its HTTP control endpoint like a remote WeCom. */
export class SandboxProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly creds: SandboxCreds,
  ) {}

  static async start(args: string[] = []): Promise<SandboxProcess> {
    const { child, match, lines } = await spawnTs(
      'src-main/sandbox/main.ts',
      ['--port', '0', ...args],
      {},
      /^WeCom sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/,
    );
    const json = lines.find((l) => l.startsWith('{'));
    if (!json) throw new Error('sandbox did not print its credentials');
    return new SandboxProcess(child, match[1]!, JSON.parse(json) as SandboxCreds);
  }

  async fault(action: string, extra: Record<string, unknown> = {}): Promise<unknown> {
    const r = await fetch(`${this.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, ...extra }),
    });
    if (!r.ok) throw new Error(`fault ${action} failed: ${r.status} ${await r.text()}`);
    return r.json();
  }

  async state<T = { departments: unknown[]; users: unknown[]; tags: unknown[] }>(): Promise<T> {
    return (await fetch(`${this.url}/__sandbox/state`)).json() as Promise<T>;
  }

  /** Environment that points a host or the CLI at this sandbox as if it were a real corp. */
  env(): NodeJS.ProcessEnv {
    return {
      WECOM_API_BASE: this.url,
      WECOM_CORP_ID: this.creds.corpId,
      WECOM_CONTACTS_SECRET: this.creds.contactsSecret,
      WECOM_APPS: JSON.stringify(this.creds.apps),
    };
  }

  stop(): Promise<void> {
    return stop(this.child);
  }
}
