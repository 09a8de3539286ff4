import type { ChildProcess } from 'node:child_process';
import { spawnTs, stop } from './processes';

export interface SandboxCreds {
  corpId: string;
  contactsSecret: string;
  apps: Array<{ name: string; purpose: string; agentid: number; secret: string }>;
}

/** `npm run sandbox` flags by name; `args` are appended verbatim after them. */
export interface SandboxProcessOptions {
  /** e.g. ww0000000000000002 for a second, "real" corp */
  corpId?: string;
  /** e.g. real-contacts-secret-0002 */
  contactsSecret?: string;
  /** app secrets become `<prefix><agentid>` */
  appSecretPrefix?: string;
  members?: number;
  departments?: number;
  seed?: number;
  rateLimits?: boolean;
  args?: string[];
}

function toArgs(o: SandboxProcessOptions): string[] {
  const args: string[] = [];
  const flag = (name: string, v: string | number | undefined): void => {
    if (v !== undefined) args.push(name, String(v));
  };
  flag('--corp-id', o.corpId);
  flag('--contacts-secret', o.contactsSecret);
  flag('--app-secret-prefix', o.appSecretPrefix);
  flag('--members', o.members);
  flag('--departments', o.departments);
  flag('--seed', o.seed);
  if (o.rateLimits) args.push('--rate-limits');
  return [...args, ...(o.args ?? [])];
}

/** A standalone WeCom sandbox, driven over its HTTP control endpoint like a remote WeCom. */
export class SandboxProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly creds: SandboxCreds,
  ) {}

  /** raw `npm run sandbox` arguments (as before), or options by name */
  static async start(opts: string[] | SandboxProcessOptions = []): Promise<SandboxProcess> {
    const args = Array.isArray(opts) ? opts : toArgs(opts);
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

  /** POST /__sandbox/faults with `{ action, ...extra }` (see src-main/sandbox/fault-control.ts) */
  async fault(action: string, extra: Record<string, unknown> = {}): Promise<unknown> {
    const r = await fetch(`${this.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, ...extra }),
    });
    if (!r.ok) throw new Error(`fault ${action} failed: ${r.status} ${await r.text()}`);
    return r.json();
  }

  /** the handler applies the change, then the connection is reset without an answer */
  async dropReplies(path: string | null, count: number): Promise<void> {
    await this.fault('dropReplies', { path, count });
  }

  /** the handler applies the change, then the answer is a WeCom error envelope with `errcode` */
  async failAfterApply(path: string, errcode: number, count = 1): Promise<void> {
    await this.fault('failAfterApply', { path, errcode, count });
  }

  /** the handler applies the change, then the answer is HTTP `status` (5xx) with an HTML page */
  async httpErrorAfterApply(path: string, status: number, count = 1): Promise<void> {
    await this.fault('httpErrorAfterApply', { path, status, count });
  }

  /** HTTP `status` (5xx) without running the handler */
  async httpErrorNext(path: string, status: number, count = 1): Promise<void> {
    await this.fault('httpErrorNext', { path, status, count });
  }

  /** the next `count` calls to `path` answer WeCom `errcode` before doing any work */
  async failNext(path: string, errcode: number, count = 1): Promise<void> {
    await this.fault('failNext', { path, errcode, count });
  }

  /** calls that reached /cgi-bin/<path> since the start or the last reset */
  async callCount(path: string): Promise<number> {
    return ((await this.fault('callCount', { path })) as { count: number }).count;
  }

  /** clears every fault and call counter; data and issued tokens stay */
  async resetFaults(): Promise<void> {
    await this.fault('reset');
  }

  async state<T = { departments: unknown[]; users: unknown[]; tags: unknown[] }>(): Promise<T> {
    return (await fetch(`${this.url}/__sandbox/state`)).json() as Promise<T>;
  }

  /** What a member's phone received (app messages), oldest first. */
  async inbox<T = { msgtype: string; payload: Record<string, unknown>; recalled: boolean }>(
    userid: string,
  ): Promise<T[]> {
    const r = await fetch(`${this.url}/__sandbox/inbox?userid=${encodeURIComponent(userid)}`);
    return ((await r.json()) as { messages: T[] }).messages;
  }

  /** An uploaded file as WeCom keeps it: the name recipients see. */
  async media(mediaId: string): Promise<{ type: string; filename: string; size: number }> {
    const r = await fetch(`${this.url}/__sandbox/media?media_id=${encodeURIComponent(mediaId)}`);
    return (await r.json()) as { type: string; filename: string; size: number };
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
