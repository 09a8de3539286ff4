import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivationRow } from '../../contract/org-edit';
import type { ProcOutput } from '../../contract/procedures';
import type { SandboxOptions } from '../../sandbox';
import { servicesHarness, type Harness } from '../../test-support/services-harness';
import { csvCell } from './activation-service';

let h: Harness | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = null;
});

const call = <T = unknown>(name: string, input: unknown = {}): Promise<T> => h!.call<T>(name, input);
const sb = () => h!.sandbox.state;
const users = () => [...sb().users.values()];

async function ready(sandbox: SandboxOptions = {}, before?: () => void): Promise<Harness> {
  h = await servicesHarness({ mode: 'env', sandbox });
  before?.();
  expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
  return h;
}

interface Report {
  rows: ActivationRow[];
  totals: Omit<ActivationRow, 'departmentId' | 'name' | 'path'>;
  trend: Array<{ at: string; notJoined: number; members: number }>;
}
type Invite = ProcOutput<'activation.invite'>;

const countStatuses = (list: ReturnType<typeof users>) => ({
  total: list.length,
  active: list.filter((u) => u.status === 1).length,
  notJoined: list.filter((u) => u.status === 4).length,
  disabled: list.filter((u) => u.status === 2).length,
  left: list.filter((u) => u.status === 5).length,
});

/** Minimal RFC 4180 reader (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      // Unquoted CR, LF or CRLF ends a record (as Excel reads it).
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('activation report, export and invites', () => {
  it('counts per department match WeCom’s statuses (4 = 未激活)', async () => {
    await ready();
    const r = await call<Report>('activation.report');
    expect(r.totals).toEqual(countStatuses(users()));
    expect(r.totals.notJoined).toBeGreaterThan(0);
    const withMembers = [...sb().departments.values()].filter((d) =>
      users().some((u) => u.main_department === d.id),
    );
    expect(r.rows.map((x) => x.departmentId).sort((a, b) => a - b)).toEqual(
      withMembers.map((d) => d.id).sort((a, b) => a - b),
    );
    for (const row of r.rows) {
      const d = sb().departments.get(row.departmentId)!;
      expect(row.name).toBe(d.name);
      expect(row.path.endsWith(d.name)).toBe(true);
      expect(row, d.name).toMatchObject(countStatuses(users().filter((u) => u.main_department === d.id)));
    }
    // Each member once (in the main department): positional groups do not count people twice.
    const sum = (k: 'total' | 'notJoined') => r.rows.reduce((n, x) => n + x[k], 0);
    expect(sum('total')).toBe(r.totals.total);
    expect(sum('notJoined')).toBe(r.totals.notJoined);
    // Most not-joined first.
    for (let i = 1; i < r.rows.length; i++)
      expect(r.rows[i - 1]!.notJoined).toBeGreaterThanOrEqual(r.rows[i]!.notJoined);
    // One trend point per successful sync.
    expect(r.trend).toHaveLength(1);
    expect(r.trend[0]).toMatchObject({ notJoined: r.totals.notJoined, members: sb().users.size });
  });

  it('exports a department’s not-joined members as an Excel-friendly CSV', async () => {
    await ready();
    const report = await call<Report>('activation.report');
    const row = report.rows.find((x) => x.notJoined >= 2)!;
    const expected = users().filter((u) => u.status === 4 && u.main_department === row.departmentId);
    const list = await call<{ members: Array<{ userid: string }> }>('activation.listNotJoined', {
      departmentId: row.departmentId,
    });
    expect(list.members.map((m) => m.userid).sort()).toEqual(expected.map((u) => u.userid).sort());

    const out = await call<{ filename: string; csv: string }>('activation.export', {
      departmentId: row.departmentId,
    });
    expect(out.filename).toContain(row.name);
    expect(out.filename.endsWith('.csv')).toBe(true);
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    expect(out.csv.startsWith('\uFEFF\uFEFF')).toBe(false);
    const rows = parseCsv(out.csv.slice(1));
    expect(rows[0]).toEqual(['姓名', '账号', '部门', '职务', '手机', '状态']);
    const body = rows.slice(1);
    expect(body).toHaveLength(row.notJoined);
    expect(body.map((r) => r[1]).sort()).toEqual(expected.map((u) => u.userid).sort());
    for (const r of body) {
      const u = sb().users.get(r[1]!.toLowerCase())!;
      expect(r).toEqual([
        u.name,
        u.userid,
        expect.stringContaining(row.name),
        u.position,
        u.mobile,
        '未激活',
      ]);
    }

    const all = await call<{ filename: string; csv: string }>('activation.export');
    expect(parseCsv(all.csv.slice(1))).toHaveLength(1 + users().filter((u) => u.status === 4).length);
  });

  it('CSV cells with commas, quotes or line breaks stay in their column', async () => {
    const odd = ['主治医师,"兼"教学秘书', '主治医师\r教学秘书', '主治医师\n教学秘书'];
    await ready({}, () => {
      users()
        .filter((x) => x.status === 4)
        .slice(0, odd.length)
        .forEach((u, i) => (u.position = odd[i]!));
    });
    const out = await call<{ csv: string }>('activation.export');
    const rows = parseCsv(out.csv.slice(1));
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows).toHaveLength(1 + users().filter((u) => u.status === 4).length);
    for (const p of odd) {
      const u = users().find((x) => x.position === p)!;
      expect(rows.find((r) => r[1] === u.userid)![3]).toBe(p);
    }
  });

  it('neutralises cells Excel would run as formulas', async () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    for (const v of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(v).replace(/^"/, '').startsWith(`'${v[0]}`)).toBe(true);
    expect(csvCell('主治医师')).toBe('主治医师');
    expect(csvCell('a=b')).toBe('a=b');
    await ready({}, () => {
      users().find((x) => x.status === 4)!.position = '=cmd|" /c calc"!A0';
    });
    const rows = parseCsv((await call<{ csv: string }>('activation.export')).csv.slice(1));
    expect(rows.find((r) => r[3]!.includes('cmd'))![3]).toBe(`'=cmd|" /c calc"!A0`);
  });

  it('invites selected members: ok for 未激活, refused with a reason otherwise', async () => {
    await ready();
    const pending = users()
      .filter((u) => u.status === 4)
      .slice(0, 3);
    const active = users().find((u) => u.status === 1)!;
    const disabled = users().find((u) => u.status === 2)!;
    const before = h!.sandbox.faults.callCount('batch/invite');
    const { results } = await call<Invite>('activation.invite', {
      userids: [...pending.map((u) => u.userid), active.userid, disabled.userid, 'NoSuchUser9'],
    });
    expect(results).toHaveLength(6);
    const by = new Map(results.map((r) => [r.userid, r] as const));
    for (const u of pending)
      expect(by.get(u.userid)).toEqual({ userid: u.userid, name: u.name, ok: true, reason: null });
    for (const u of [active, disabled]) {
      expect(by.get(u.userid)).toMatchObject({ name: u.name, ok: false });
      expect(by.get(u.userid)!.reason).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(by.get('NoSuchUser9')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
    expect(h!.sandbox.faults.callCount('batch/invite') - before).toBe(1);
    const invited = sb().snapshot().invites;
    expect(invited.map((i) => i.userid).sort()).toEqual(pending.map((u) => u.userid).sort());
    const audit = await call<{ entries: Array<{ api: string; result: string }> }>('audit.list', {
      limit: 10,
    });
    expect(audit.entries.filter((e) => e.api === 'member.invite')).toHaveLength(1);
  });

  it('invites everyone not joined, more than 1000 of them, in batches of at most 1000', async () => {
    await ready({ members: 2000, departments: 120 }, () => {
      // Make well over 1000 members not yet joined.
      let n = 0;
      for (const u of users()) if (u.status === 1 && !u.creator && n++ < 1100) u.status = 4;
    });
    const notJoined = users().filter((u) => u.status === 4);
    expect(notJoined.length).toBeGreaterThan(1000);
    const report = await call<Report>('activation.report');
    expect(report.totals.notJoined).toBe(notJoined.length);

    const calls = h!.sandbox.faults.callCount('batch/invite');
    const { results } = await call<Invite>('activation.invite', { all: true });
    expect(results).toHaveLength(notJoined.length);
    expect(results.every((r) => r.ok)).toBe(true);
    const made = h!.sandbox.faults.callCount('batch/invite') - calls;
    expect(made).toBe(Math.ceil(notJoined.length / 1000));
    const invited = sb().snapshot().invites;
    expect(invited.map((i) => i.userid).sort()).toEqual(notJoined.map((u) => u.userid).sort());
    expect(invited.every((i) => i.count === 1)).toBe(true);
  });

  it('does not invite the same people again within a day, and tells when they were last invited', async () => {
    await ready();
    type Status = ProcOutput<'activation.inviteStatus'>;
    expect(await call<Status>('activation.inviteStatus')).toEqual({ lastAt: null, lastCount: 0, recent: [] });
    const [a, b, c] = users().filter((u) => u.status === 4);
    await call<Invite>('activation.invite', { userids: [a!.userid, b!.userid] });
    const status = await call<Status>('activation.inviteStatus');
    expect(status.lastCount).toBe(2);
    expect(Date.now() - Date.parse(status.lastAt!)).toBeLessThan(60 * 60 * 1000);
    expect(status.recent.sort()).toEqual([a!.userid, b!.userid].map((u) => u.toLowerCase()).sort());

    const calls = h!.sandbox.faults.callCount('batch/invite');
    const again = await call<Invite>('activation.invite', { userids: [a!.userid, c!.userid] });
    const by = new Map(again.results.map((r) => [r.userid, r] as const));
    expect(by.get(a!.userid)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('24 小时内不重复邀请'),
    });
    expect(by.get(c!.userid)).toMatchObject({ ok: true });
    expect(h!.sandbox.faults.callCount('batch/invite') - calls).toBe(1);
    const count = (u: { userid: string }) =>
      sb()
        .snapshot()
        .invites.find((i) => i.userid === u.userid)?.count;
    expect(count(a!)).toBe(1);
    expect(count(c!)).toBe(1);

    // A day later the guard has lapsed: the same person may be invited again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000);
    const later = await call<Invite>('activation.invite', { userids: [a!.userid] });
    expect(later.results).toEqual([expect.objectContaining({ userid: a!.userid, ok: true })]);
    expect(count(a!)).toBe(2);
    expect((await call<Status>('activation.inviteStatus')).recent).toEqual([a!.userid.toLowerCase()]);
    // 「邀请全部」 leaves out whoever was invited within the day.
    const all = await call<Invite>('activation.invite', { all: true });
    expect(all.results.map((r) => r.userid)).not.toContain(a!.userid);
    expect(all.results.length).toBe(users().filter((u) => u.status === 4).length - 1);
    expect(count(a!)).toBe(2);
  });
});
