import type { AddressInfo } from 'node:net';
import { makeCredentials, type SandboxCredentials } from './credentials';
import { Faults, type FaultControls } from './faults';
import { DEFAULT_MEMBERS, DEFAULT_SEED, seedHospital } from './seed/hospital';
import { Messaging } from './messaging';
import { createSandboxServer } from './server';
import { SandboxState } from './state';
import { TokenStore } from './tokens';

export type { AppPurpose, SandboxApp, SandboxCredentials } from './credentials';
export type { FaultControls } from './faults';
export { SandboxState } from './state';
export type { Department, MemberStatus, Tag, User } from './types';

export interface SandboxOptions {
  /** 0 = random (default) */
  port?: number;
  /** default 866 */
  members?: number;
  /** default: the demo hospital; when members > 866 and not given, round(members * 0.06) */
  departments?: number;
  /** PRNG seed, default 20181 */
  seed?: number;
  /** WeCom-like per-API per-minute limits (45009), default false */
  rateLimits?: boolean;
  /** 企业ID, default ww5a1d0e0c2b4f6a01; a second sandbox with another id acts as another corp */
  corpId?: string;
  /** 通讯录同步 Secret, default sandbox-contacts-secret-0001 */
  contactsSecret?: string;
  /** app secrets are `<prefix><agentid>`, default sandbox-app-secret- */
  appSecretPrefix?: string;
  /**
   * Serve the unauthenticated /__sandbox/* control plane (faults, state, credentials, reset).
   * Default true for tests and `npm run sandbox`; the in-app demo passes false.
   */
  controls?: boolean;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:PORT — the client appends /cgi-bin/... */
  url: string;
  port: number;
  credentials: SandboxCredentials;
  /** same operations as POST /__sandbox/faults */
  faults: FaultControls;
  /** direct read access for tests (departments, users, tags, invites) */
  state: SandboxState;
  /** app messages: inboxes, media, the sandbox clock, visible ranges */
  messaging: Messaging;
  close(): Promise<void>;
}

/** Starts a WeCom-compatible HTTP server on 127.0.0.1 seeded with the demo hospital. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const seedOpts = {
    members: opts.members ?? DEFAULT_MEMBERS,
    seed: opts.seed ?? DEFAULT_SEED,
    ...(opts.departments !== undefined ? { departments: opts.departments } : {}),
  };
  const reseed = () => seedHospital(seedOpts);
  const state = new SandboxState(reseed());
  const tokens = new TokenStore();
  const faults = new Faults(tokens, opts.rateLimits ?? false);
  // built before anything listens so invalid overrides fail start-up instead of gettoken later
  const { corpId, contactsSecret, appSecretPrefix } = opts;
  const credentials = makeCredentials({ corpId, contactsSecret, appSecretPrefix });
  const controls = opts.controls ?? true;
  const messaging = new Messaging();
  const server = createSandboxServer({ state, faults, messaging, tokens, credentials, reseed, controls });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials,
    faults,
    state,
    messaging,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // keep-alive sockets would otherwise hold close() open
        server.closeAllConnections();
      }),
  };
}
