import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, getToken, type Loose } from './testkit';

// Write-path faults where WeCom applied the change but the client never learns it did.
let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ members: 40 });
  token = await getToken(sb);
});
// data is kept between tests (each uses fresh names); only the faults are cleared
afterEach(() => sb.faults.reset());
afterAll(() => sb.close());

let seq = 0;
const uniqueName = (): string => `应急小组${++seq}`;
const named = (name: string) => [...sb.state.departments.values()].filter((d) => d.name === name);
const create = (name: string) => api(sb, 'department/create', { token, body: { name, parentid: 1 } });
const tagNamed = (name: string) => [...sb.state.tags.values()].filter((t) => t.tagname === name);

async function control(body: unknown): Promise<{ status: number; json: Loose }> {
  const res = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** the socket-level cause behind fetch's "fetch failed" */
async function socketError(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as { cause?: { code?: string } },
  );
  return err.cause?.code ?? 'none';
}

describe('dropReplies', () => {
  it('applies department/create, then resets the connection; the department exists exactly once', async () => {
    const name = uniqueName();
    sb.faults.dropReplies('department/create', 1);
    expect(await socketError(create(name))).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect(named(name)).toHaveLength(1);
    // a retry of the same create is now refused as a duplicate name, as on WeCom
    expect((await create(name)).json.errcode).toBe(60008);
    expect(named(name)).toHaveLength(1);
  });

  it('respects count and path; null matches any path; reset clears it', async () => {
    const [a, b, c] = [uniqueName(), uniqueName(), uniqueName()];
    sb.faults.dropReplies('/cgi-bin/department/create', 2);
    // another path is untouched
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(0);
    await expect(create(a)).rejects.toThrow();
    await expect(create(b)).rejects.toThrow();
    expect((await create(c)).json.errcode).toBe(0);
    expect([named(a), named(b), named(c)].map((l) => l.length)).toEqual([1, 1, 1]);

    const tag = `丢回复${seq}`;
    sb.faults.dropReplies(null, 1);
    await expect(api(sb, 'tag/create', { token, body: { tagname: tag } })).rejects.toThrow();
    expect(tagNamed(tag)).toHaveLength(1);

    sb.faults.dropReplies(null, 5);
    sb.faults.reset();
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(0);
  });

  it('is not used up by calls refused before their handler', async () => {
    const name = uniqueName();
    sb.faults.dropReplies('department/create', 1);
    expect((await api(sb, 'department/create', { body: { name, parentid: 1 } })).json.errcode).toBe(41001);
    await expect(create(name)).rejects.toThrow();
    expect(named(name)).toHaveLength(1);
  });
});

describe('failAfterApply', () => {
  it('answers the errcode after applying, count times', async () => {
    const [a, b, c] = [uniqueName(), uniqueName(), uniqueName()];
    sb.faults.failAfterApply('department/create', -1, 2);
    const r = await create(a);
    expect(r.status).toBe(200);
    expect(r.json.errcode).toBe(-1);
    expect(r.json.errmsg).toMatch(/^system busy, hint: \[\d{25}\], from ip: 127\.0\.0\.1/);
    expect(r.json).not.toHaveProperty('id');
    expect((await create(b)).json.errcode).toBe(-1);
    const ok = await create(c);
    expect(ok.json).toMatchObject({ errcode: 0, errmsg: 'created' });
    expect([named(a), named(b), named(c)].map((l) => l.length)).toEqual([1, 1, 1]);
  });
});

describe('httpErrorAfterApply / httpErrorNext', () => {
  it('httpErrorAfterApply: 502 with an HTML page, the change applied', async () => {
    const name = uniqueName();
    sb.faults.httpErrorAfterApply('department/create', 502);
    const r = await create(name);
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('502 Bad Gateway');
    expect(r.json).toBeUndefined();
    expect(named(name)).toHaveLength(1);
    expect((await create(uniqueName())).status).toBe(200);
  });

  it('httpErrorNext: 502 without applying, count times, before the token check', async () => {
    const [a, b, c] = [uniqueName(), uniqueName(), uniqueName()];
    sb.faults.httpErrorNext('department/create', 503, 2);
    const r = await create(a);
    expect(r.status).toBe(503);
    expect(r.text).toContain('503 Service Unavailable');
    expect((await api(sb, 'department/create', { body: { name: b, parentid: 1 } })).status).toBe(503);
    expect(named(a)).toHaveLength(0);
    expect(named(b)).toHaveLength(0);
    expect((await create(c)).json.errcode).toBe(0);
    expect(named(c)).toHaveLength(1);
  });

  it('refuses a non-5xx status', () => {
    expect(() => sb.faults.httpErrorNext('department/create', 404)).toThrow(RangeError);
    expect(() => sb.faults.httpErrorAfterApply('department/create', 200)).toThrow(RangeError);
  });

  it('reset clears pending after-apply and HTTP faults', async () => {
    const [a, b] = [uniqueName(), uniqueName()];
    sb.faults.failAfterApply('department/create', -1);
    sb.faults.httpErrorAfterApply('department/create', 502);
    sb.faults.httpErrorNext('department/create', 502);
    sb.faults.reset();
    expect((await create(a)).json.errcode).toBe(0);
    expect((await create(b)).json.errcode).toBe(0);
  });
});

describe('over POST /__sandbox/faults', () => {
  it('drives the same faults', async () => {
    const [a, b, c, d] = [uniqueName(), uniqueName(), uniqueName(), uniqueName()];
    expect(await control({ action: 'dropReplies', path: 'department/create', count: 1 })).toEqual({
      status: 200,
      json: { ok: true },
    });
    await expect(create(a)).rejects.toThrow();
    expect(named(a)).toHaveLength(1);

    await control({ action: 'failAfterApply', path: 'department/create', errcode: -1 });
    expect((await create(b)).json.errcode).toBe(-1);
    expect(named(b)).toHaveLength(1);

    await control({ action: 'httpErrorAfterApply', path: 'department/create', status: 502, count: 1 });
    expect((await create(c)).status).toBe(502);
    expect(named(c)).toHaveLength(1);

    await control({ action: 'httpErrorNext', path: 'department/create', status: 502 });
    expect((await create(d)).status).toBe(502);
    expect(named(d)).toHaveLength(0);

    await control({ action: 'dropReplies', path: null, count: 3 });
    await control({ action: 'reset' });
    expect((await create(d)).json.errcode).toBe(0);
  });

  it('rejects malformed bodies with 400', async () => {
    for (const body of [
      { action: 'dropReplies', path: 'department/create' },
      { action: 'failAfterApply', path: 'department/create' },
      { action: 'httpErrorNext', path: 'department/create', status: 404 },
      { action: 'httpErrorAfterApply', status: 502 },
    ]) {
      const r = await control(body);
      expect(r.status).toBe(400);
      expect(r.json.ok).toBe(false);
    }
  });
});
