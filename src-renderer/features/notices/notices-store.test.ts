import { describe, expect, it } from 'vitest';
import type { DraftView } from '../../../src-main/contract';
import { createFakeApi, err, ok } from '../../test-support/fake-api';
import { createNoticesStore } from './notices-store';

/** Timers under the test's hand: saving waits for the pause after typing. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    timers: {
      setTimeout: ((fn: () => void) => {
        const id = next++;
        pending.set(id, fn);
        return id;
      }) as unknown as typeof setTimeout,
      clearTimeout: ((id: number) => void pending.delete(id)) as unknown as typeof clearTimeout,
    },
    fireAll: () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const f of fns) f();
    },
  };
}

const draft = (id: number, body: DraftView['body']): DraftView => ({
  id,
  isTemplate: false,
  title: body.title ?? '',
  body,
  updatedAt: '2026-11-27T10:00:00.000Z',
});
const count = {
  synced: true,
  total: 3,
  receiving: 2,
  notJoined: [{ userid: 'u3', name: '王五' }],
  disabled: [],
  outsideRange: [],
  unknownUsers: [],
  unknownDepartments: [],
  unknownTags: [],
};

describe('notices store', () => {
  it('typing saves one draft after the pause, then overwrites the same draft', async () => {
    const saved: Array<{ id: number | null; body: unknown }> = [];
    const api = createFakeApi({
      'notices.saveDraft': (input) => {
        saved.push(input);
        return ok(draft(7, input.body));
      },
      'notices.headCount': () => ok(count),
    });
    const t = manualTimers();
    const s = createNoticesStore(api, t.timers);
    s.getState().edit({ content: { type: 'text', content: '明' } });
    s.getState().edit({ content: { type: 'text', content: '明早' } });
    expect(saved).toEqual([]);
    expect(s.getState().save).toBe('saving');
    t.fireAll();
    await s.getState().flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id: null, body: { content: { type: 'text', content: '明早' } } });
    expect(s.getState()).toMatchObject({ draftId: 7, save: 'saved' });
    s.getState().edit({ title: '交班' });
    await s.getState().flush();
    expect(saved[1]).toMatchObject({ id: 7, body: { title: '交班' } });
  });

  it('changing recipients refreshes the head count', async () => {
    const api = createFakeApi({
      'notices.saveDraft': (i) => ok(draft(1, i.body)),
      'notices.headCount': () => ok(count),
    });
    const t = manualTimers();
    const s = createNoticesStore(api, t.timers);
    s.getState().edit({ recipients: { all: false, userids: ['u1'], departmentIds: [2], tagIds: [] } });
    t.fireAll();
    await s.getState().flush();
    await Promise.resolve();
    expect(api.calls.filter((c) => c.name === 'notices.headCount').map((c) => c.input)).toEqual([
      { recipients: { all: false, userids: ['u1'], departmentIds: [2], tagIds: [] } },
    ]);
    expect(s.getState().headCount?.total).toBe(3);
  });

  it('send saves first, sends once with the app, and keeps the result; a refusal keeps the error', async () => {
    const sent: unknown[] = [];
    const entry = {
      id: 1,
      docNo: null,
      title: '',
      issuer: '',
      agentid: 1000002,
      headCount: 3,
      status: 'sent' as const,
      createdAt: 't',
      sentAt: 't',
      msgids: ['m'],
      invalidUsers: [],
      failedCalls: 0,
      recallReason: null,
      batchId: 1,
    };
    const api = createFakeApi({
      'notices.saveDraft': (i) => ok(draft(1, i.body)),
      'notices.send': (i) => {
        sent.push(i);
        return sent.length === 1 ? ok({ notice: entry, headCount: count, repeated: false }) : err('NETWORK');
      },
      'notices.listDrafts': () => ok({ drafts: [] }),
      'notices.list': () => ok({ notices: [entry] }),
    });
    const s = createNoticesStore(api, manualTimers().timers);
    s.getState().newNotice(1000002);
    s.getState().edit({ meta: { ...s.getState().compose.meta, issuer: '综合部', urgency: '加急' } });
    s.getState().edit({
      content: { type: 'text', content: '停电通知' },
      recipients: { all: true, userids: [], departmentIds: [], tagIds: [] },
    });
    const r = await s.getState().send();
    expect(r?.notice.status).toBe('sent');
    expect(api.calls.findIndex((c) => c.name === 'notices.saveDraft')).toBeLessThan(
      api.calls.findIndex((c) => c.name === 'notices.send'),
    );
    expect(sent[0]).toMatchObject({
      agentid: 1000002,
      content: { type: 'text', content: '停电通知' },
      recipients: { all: true },
      meta: { issuer: '综合部', urgency: '加急' },
    });
    expect(await s.getState().send()).toBeNull();
    expect(s.getState().error?.code).toBe('NETWORK');
  });

  it('deleting a draft can be undone', async () => {
    const api = createFakeApi({
      'notices.removeDraft': () => ok({ ok: true }),
      'notices.restoreDraft': () => ok({ ok: true }),
      'notices.listDrafts': () => ok({ drafts: [] }),
      'notices.list': () => ok({ notices: [] }),
    });
    const s = createNoticesStore(api, manualTimers().timers);
    const undo = await s.getState().removeDraft(4);
    expect(undo).not.toBeNull();
    await undo!();
    expect(api.calls.filter((c) => c.name === 'notices.restoreDraft').map((c) => c.input)).toEqual([
      { id: 4 },
    ]);
  });

  it('exports the 发文登记 as an .xlsx download', async () => {
    const api = createFakeApi({
      'notices.export': () => ok({ filename: '发文登记-2026-11-27.xlsx', base64: 'UEsDBA==', rows: 1 }),
    });
    const s = createNoticesStore(api, manualTimers().timers);
    const saved: string[] = [];
    const e = await s.getState().exportRegister({
      createObjectURL: () => 'blob:x',
      revokeObjectURL: () => {},
      createAnchor: () => {
        const a = { href: '', download: '', click: () => saved.push(a.download) };
        return a;
      },
    });
    expect(e).toBeNull();
    expect(saved).toEqual(['发文登记-2026-11-27.xlsx']);
  });
});
