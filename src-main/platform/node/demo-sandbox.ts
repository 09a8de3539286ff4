import { startSandbox, type RunningSandbox } from '../../sandbox';
import type { DemoCorp } from '../../services/settings/corp-context';

let running: Promise<RunningSandbox> | null = null;

/**
 * The in-process sandbox behind 演示模式, started on first need and shared afterwards. Its control
 * plane stays off: any local page could otherwise post faults or read its credentials (review L6).
 */
export function demoSandbox(): Promise<DemoCorp> {
  running ??= startSandbox({ port: 0, controls: false });
  return running.then((s) => ({
    apiBase: s.url,
    corpId: s.credentials.corpId,
    contactsSecret: s.credentials.contactsSecret,
    apps: s.credentials.apps.map((a) => ({
      name: a.name,
      purpose: a.purpose,
      agentid: a.agentid,
      secret: a.secret,
    })),
  }));
}

export async function stopDemoSandbox(): Promise<void> {
  if (!running) return;
  const s = await running;
  running = null;
  await s.close();
}

export async function demoSandboxUrl(): Promise<string | null> {
  return running ? (await running).url : null;
}
