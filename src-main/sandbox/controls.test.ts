import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';

const started: RunningSandbox[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
});
const start = async (controls?: boolean) => {
  const s = await startSandbox(controls === undefined ? {} : { controls });
  started.push(s);
  return s;
};

describe('sandbox control plane option', () => {
  it('is on by default (tests and npm run sandbox)', async () => {
    const sb = await start();
    expect((await fetch(`${sb.url}/__sandbox/state`)).status).toBe(200);
  });

  it('with controls: false every /__sandbox/ endpoint is unknown and changes nothing', async () => {
    const sb = await start(false);
    for (const [method, path] of [
      ['GET', 'state'],
      ['GET', 'credentials'],
      ['POST', 'reset'],
      ['POST', 'faults'],
    ] as const) {
      const res = await fetch(`${sb.url}/__sandbox/${path}`, {
        method,
        ...(method === 'POST'
          ? { body: JSON.stringify({ action: 'failNext', path: 'gettoken', errcode: 45009 }) }
          : {}),
      });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(sb.credentials.contactsSecret);
    }
    // No fault was armed, and the WeCom surface still works.
    const token = await fetch(
      `${sb.url}/cgi-bin/gettoken?corpid=${sb.credentials.corpId}&corpsecret=${sb.credentials.contactsSecret}`,
    );
    expect(((await token.json()) as { errcode: number }).errcode).toBe(0);
  });
});
