import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOp, Rule, RulePreview } from '../../contract/org-edit';
import type { Tag } from '../../contract/org';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = <T = unknown>(name: string, input: unknown = {}): Promise<T> => h!.call<T>(name, input);
const stage = (label: string, ops: ChangeOp[]) =>
  call<{ change: { id: number; ops: ChangeOp[] } }>('orgEdit.stage', { label, ops });
const push = () => h!.runJob(() => h!.services.push.start());
const sb = () => h!.sandbox.state;
const users = () => [...sb().users.values()];
const tagByName = (name: string) => [...sb().tags.values()].find((t) => t.tagname === name);
const lower = (ids: string[]) => ids.map((u) => u.toLowerCase()).sort();

async function ready(members?: number): Promise<Harness> {
  h = await servicesHarness({ mode: 'env', ...(members ? { sandbox: { members } } : {}) });
  expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
  return h;
}

describe('tags: staged edits pushed to WeCom', () => {
  it('creates a tag with >1000 members and a department in several calls, renames, trims and deletes it', async () => {
    await ready(1600);
    const members = users()
      .slice(0, 1200)
      .map((u) => u.userid);
    const dept = [...sb().departments.values()].find((d) => d.name === '心血管内科')!;
    const calls = h!.sandbox.faults.callCount('tag/addtagusers');

    await stage('新建标签', [{ type: 'tag.create', tagid: -1, tagname: '援疆医疗队' }]);
    await stage('添加成员', [
      { type: 'tag.addMembers', tagid: -1, userids: members, departmentIds: [dept.id] },
    ]);
    // The working copy shows it before the push.
    const listed = await call<{ tags: Tag[] }>('org.listTags');
    expect(listed.tags.find((t) => t.tagname === '援疆医疗队')).toMatchObject({
      tagid: -1,
      memberCount: 1200,
      departmentCount: 1,
      pending: 'created',
    });
    expect(tagByName('援疆医疗队')).toBeUndefined();

    expect(await push()).toMatchObject({ ok: true });
    const tag = tagByName('援疆医疗队')!;
    expect(tag).toBeDefined();
    expect([...tag.users].sort()).toEqual(lower(members));
    expect([...tag.parties]).toEqual([dept.id]);
    expect(h!.sandbox.faults.callCount('tag/addtagusers') - calls).toBeGreaterThan(1);
    const after = await call<{ tags: Tag[] }>('org.listTags');
    expect(after.tags.find((t) => t.tagname === '援疆医疗队')).toMatchObject({
      tagid: tag.tagid,
      memberCount: 1200,
      departmentCount: 1,
      pending: null,
    });
    const detail = await call<{ members: Array<{ userid: string }>; departmentIds: number[] }>(
      'org.getTagMembers',
      { tagid: tag.tagid },
    );
    expect(lower(detail.members.map((m) => m.userid))).toEqual(lower(members));
    expect(detail.departmentIds).toEqual([dept.id]);

    // Rename.
    await stage('改名', [{ type: 'tag.update', tagid: tag.tagid, tagname: '援疆援藏医疗队' }]);
    expect(await push()).toMatchObject({ ok: true });
    expect(sb().tags.get(tag.tagid)!.tagname).toBe('援疆援藏医疗队');

    // Remove members (more than one call's worth) and the department.
    const removed = members.slice(0, 1100);
    const dels = h!.sandbox.faults.callCount('tag/deltagusers');
    await stage('移除', [
      { type: 'tag.removeMembers', tagid: tag.tagid, userids: removed, departmentIds: [dept.id] },
    ]);
    expect(await push()).toMatchObject({ ok: true });
    expect([...sb().tags.get(tag.tagid)!.users].sort()).toEqual(lower(members.slice(1100)));
    expect([...sb().tags.get(tag.tagid)!.parties]).toEqual([]);
    expect(h!.sandbox.faults.callCount('tag/deltagusers') - dels).toBeGreaterThan(1);

    // Delete.
    await stage('删除', [{ type: 'tag.delete', tagid: tag.tagid }]);
    expect(await push()).toMatchObject({ ok: true });
    expect(sb().tags.has(tag.tagid)).toBe(false);
    expect((await call<{ tags: Tag[] }>('org.listTags')).tags.some((t) => t.tagid === tag.tagid)).toBe(false);
    // Members themselves are untouched.
    expect(sb().users.size).toBe(1600);
  });

  it('a rule-based tag follows positions: apply, push, idempotent, and a title change', async () => {
    await ready();
    const rule = {
      kind: 'tag' as const,
      name: '护士长群',
      positions: ['护士长', '副护士长'],
      topGroupIds: [],
      enabled: true,
    };
    const want = () =>
      lower(
        users()
          .filter((u) => rule.positions.includes(u.position))
          .map((u) => u.userid),
      );
    const preview = await call<RulePreview>('rules.preview', rule);
    expect(preview.groups).toHaveLength(1);
    expect(preview.groups[0]).toMatchObject({ name: '护士长群', exists: false, removes: [] });
    expect(lower(preview.groups[0]!.members.map((m) => m.userid))).toEqual(want());
    expect(lower(preview.groups[0]!.adds)).toEqual(want());

    const saved = await call<{ rule: Rule }>('rules.save', rule);
    const applied = await call<{ change: { ops: ChangeOp[] } | null }>('rules.apply', { id: saved.rule.id });
    expect(applied.change!.ops.map((o) => o.type)).toEqual(['tag.create', 'tag.addMembers']);
    expect(await push()).toMatchObject({ ok: true });
    const tag = tagByName('护士长群')!;
    expect([...tag.users].sort()).toEqual(want());
    expect(await call('rules.apply', { id: saved.rule.id })).toEqual({ change: null });

    // A nurse promoted to 护士长 joins the tag in the same change; a 护士长 moved to 护士 leaves it.
    const nurse = users().find((u) => u.position === '护士' && u.status === 1)!;
    const head = users().find((u) => u.position === '护士长' && tag.users.has(u.userid.toLowerCase()))!;
    const { change } = await stage('调整职务', [
      { type: 'member.update', userid: nurse.userid, fields: { position: '护士长' } },
      { type: 'member.update', userid: head.userid, fields: { position: '护士' } },
    ]);
    expect(change.ops).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'tag.addMembers', tagid: tag.tagid, userids: [nurse.userid] }),
        expect.objectContaining({ type: 'tag.removeMembers', tagid: tag.tagid, userids: [head.userid] }),
      ]),
    );
    expect(await push()).toMatchObject({ ok: true });
    const now = sb().tags.get(tag.tagid)!;
    expect(now.users.has(nurse.userid.toLowerCase())).toBe(true);
    expect(now.users.has(head.userid.toLowerCase())).toBe(false);
    expect([...now.users].sort()).toEqual(want());
  });
});
