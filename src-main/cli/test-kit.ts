// Shared by the CLI tests: writable sinks and the environment that points the CLI at a sandbox.
import { Writable } from 'node:stream';
import type { RunningSandbox } from '../sandbox';
import { runCli } from './main';

export const sink = () => {
  let text = '';
  const w = new Writable({
    write(chunk: Buffer, _e, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { w, text: () => text };
};

/** WECOM_* variables for the sandbox's corp (the environment-variable mode of the CLI). */
export function useSandboxEnv(sandbox: RunningSandbox): void {
  const c = sandbox.credentials;
  Object.assign(process.env, {
    WECOM_API_BASE: sandbox.url,
    WECOM_CORP_ID: c.corpId,
    WECOM_CONTACTS_SECRET: c.contactsSecret,
    WECOM_APPS: JSON.stringify(c.apps),
  });
}

/** Runs the CLI in-process on `dir`, capturing its exit code, stdout and stderr. */
export async function runIn(dir: string, ...args: string[]) {
  const out = sink();
  const err = sink();
  const code = await runCli([...args, '--data-dir', dir], out.w as never, err.w as never);
  return { code, out: out.text(), err: err.text() };
}
