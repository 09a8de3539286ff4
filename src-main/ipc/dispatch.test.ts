import { describe, expect, it } from 'vitest';
import { AppError } from '../contract/errors';
import { createLogger } from '../platform/logger';
import { registerSecret } from '../platform/redact';
import { WecomError, WecomNetworkError } from '../wecom/errors';
import { createDispatch } from './dispatch';
import type { Handlers } from './router';

const stub = (over: Partial<Handlers>): Handlers =>
  new Proxy(over as Handlers, {
    get: (t, k) =>
      (t as Record<string | symbol, unknown>)[k] ??
      (async () => {
        throw new Error('not in this test');
      }),
  });

describe('dispatch', () => {
  it('validates input and answers the error envelope with issues', async () => {
    const d = createDispatch(stub({}), createLogger());
    const r = await d('org.listMembers', { departmentId: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.details?.issues).toEqual([expect.objectContaining({ path: 'departmentId' })]);
      expect(r.error.correlationId).toMatch(/[0-9a-f-]{36}/);
    }
  });

  it('rejects unknown procedures and extra keys', async () => {
    const d = createDispatch(stub({}), createLogger());
    expect((await d('fs.readFile', {})).ok).toBe(false);
    expect((await d('org.listMembers', { departmentId: 1, evil: true })).ok).toBe(false);
  });

  it('passes valid input to the handler and wraps the value', async () => {
    const d = createDispatch(
      stub({ 'org.listMembers': async ({ departmentId }) => ({ members: [], departmentId }) as never }),
      createLogger(),
    );
    expect(await d('org.listMembers', { departmentId: 7 })).toEqual({
      ok: true,
      value: { members: [], departmentId: 7 },
    });
  });

  it('maps AppError codes and hides unexpected errors behind INTERNAL, redacting secrets', async () => {
    registerSecret('leaky-secret-999');
    const logger = createLogger();
    const d = createDispatch(
      stub({
        'org.getTree': async () => {
          throw new AppError('NETWORK', 'down', { retryable: true });
        },
        'org.listTags': async () => {
          throw new Error('boom leaky-secret-999 access_token=abc');
        },
      }),
      logger,
    );
    const a = await d('org.getTree', {});
    expect(a).toMatchObject({ ok: false, error: { code: 'NETWORK', retryable: true } });
    const b = await d('org.listTags', {});
    expect(b).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(b)).not.toContain('leaky-secret-999');
    expect(logger.lines.join('\n')).not.toMatch(/leaky-secret-999|access_token=abc/);
  });

  it('maps a WecomError thrown by a handler to its own code, not INTERNAL', async () => {
    const logger = createLogger();
    const d = createDispatch(
      stub({
        'org.getTree': async () => {
          throw new WecomError(
            60020,
            'not allow to access from your ip, hint: [1655882753557010848204971], from ip: 10.1.2.3, more info at x',
            'batch/invite',
          );
        },
      }),
      logger,
    );
    expect(await d('org.getTree', {})).toEqual({
      ok: false,
      error: {
        code: 'WECOM_IP_NOT_TRUSTED',
        message: expect.stringContaining('60020') as unknown,
        retryable: false,
        details: { errcode: 60020, path: 'batch/invite', ip: '10.1.2.3' },
        correlationId: expect.stringMatching(/[0-9a-f-]{36}/) as unknown,
      },
    });
    // A WeCom refusal is the clerk's configuration, not a program fault: logged as a warning.
    expect(logger.lines.join('\n')).toMatch(/WARN org\.getTree failed .* WECOM_IP_NOT_TRUSTED/);
  });

  it('maps a WecomNetworkError to NETWORK (the offline indicator keys on it), redacted', async () => {
    registerSecret('net-secret-4242');
    const d = createDispatch(
      stub({
        'org.getTree': async () => {
          throw new WecomNetworkError('user/get', 'ECONNRESET net-secret-4242 access_token=zzz');
        },
      }),
      createLogger(),
    );
    const r = await d('org.getTree', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'NETWORK', retryable: true } });
    expect(JSON.stringify(r)).not.toMatch(/net-secret-4242|access_token=zzz/);
  });
});
