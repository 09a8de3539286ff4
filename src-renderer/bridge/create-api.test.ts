import { describe, expect, it } from 'vitest';
import { createApi, observeCalls } from './create-api';
import { observable } from './observable';
import type { ConnectionState, Transport } from './types';

const transport = (invoke: Transport['invoke']): Transport => ({
  invoke,
  subscribe: () => () => {},
  connection: observable<ConnectionState>('connected'),
});

describe('createApi', () => {
  it('never throws: a rejecting or malformed transport becomes NETWORK', async () => {
    const throwing = createApi(transport(() => Promise.reject(new Error('boom'))));
    const r = await throwing.call('org.getTree', {});
    expect(!r.ok && r.error.code).toBe('NETWORK');
    const malformed = createApi(transport(() => Promise.resolve('nope' as never)));
    const m = await malformed.call('org.getTree', {});
    expect(!m.ok && m.error.code).toBe('NETWORK');
  });

  it('observeCalls reports every outcome', async () => {
    const seen: string[] = [];
    const api = observeCalls(
      createApi(transport(() => Promise.resolve({ ok: true, value: { departments: [] } }))),
      (name, res) => seen.push(`${name}:${res.ok}`),
    );
    await api.call('org.getTree', {});
    expect(seen).toEqual(['org.getTree:true']);
  });
});
