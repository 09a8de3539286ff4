import { afterEach, describe, expect, it } from 'vitest';
import { demoSandbox, stopDemoSandbox } from './demo-sandbox';

afterEach(() => stopDemoSandbox());

describe('demo sandbox (演示模式)', () => {
  it('runs without the /__sandbox/ control plane', async () => {
    const corp = await demoSandbox();
    expect((await fetch(`${corp.apiBase}/__sandbox/state`)).status).toBe(404);
    expect((await fetch(`${corp.apiBase}/__sandbox/credentials`)).status).toBe(404);
    const res = await fetch(`${corp.apiBase}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ action: 'expireTokens' }),
    });
    expect(res.status).toBe(404);
  });
});
