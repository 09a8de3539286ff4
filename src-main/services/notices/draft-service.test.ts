import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const text = (content: string) => ({ title: `草稿 ${content}`, content: { type: 'text' as const, content } });

describe('notice drafts', () => {
  it('saves an incomplete draft, overwrites it in place and finds it by title', async () => {
    h = await servicesHarness();
    const drafts = h.services.drafts;
    const a = await drafts.save(null, { title: '元旦放假安排' });
    const b = await drafts.save(a.id, { ...text('元旦放假安排：1 月 1 日至 3 日'), title: '元旦放假安排' });
    expect(b.id).toBe(a.id);
    expect(b.body.content).toEqual({ type: 'text', content: '元旦放假安排：1 月 1 日至 3 日' });
    await drafts.save(null, text('其他'));
    expect((await drafts.list(false, '元旦')).map((d) => d.id)).toEqual([a.id]);
  });

  it('delete can be undone; a deleted draft cannot be overwritten', async () => {
    h = await servicesHarness();
    const d = await h.services.drafts.save(null, text('x'));
    expect(await h.services.drafts.remove(d.id)).toBe(true);
    expect(await h.services.drafts.list()).toEqual([]);
    await expect(h.services.drafts.save(d.id, text('y'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.services.drafts.restore(d.id)).toBe(true);
    expect((await h.services.drafts.list()).map((x) => x.id)).toEqual([d.id]);
  });

  it('templates: save as template, new draft from it', async () => {
    h = await servicesHarness();
    const d = await h.services.drafts.save(null, text('每周例会通知'));
    const t = await h.services.drafts.saveAsTemplate(d.id);
    expect(t.isTemplate).toBe(true);
    expect((await h.services.drafts.list(true)).map((x) => x.id)).toEqual([t.id]);
    const n = await h.services.drafts.fromTemplate(t.id);
    expect(n.isTemplate).toBe(false);
    expect(n.body.content).toEqual(d.body.content);
  });

  it('a draft survives the app being closed and opened again on the same data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhb-drafts-'));
    try {
      const first = await servicesHarness({ dataDir: dir });
      const d = await first.services.drafts.save(null, text('断电也不丢'));
      await first.close();
      h = await servicesHarness({ dataDir: dir });
      expect((await h.services.drafts.get(d.id)).body.content).toEqual({
        type: 'text',
        content: '断电也不丢',
      });
    } finally {
      await h?.close();
      h = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
