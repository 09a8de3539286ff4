import { uidKey, type CTag, type CacheSnapshot } from '../../../../domain/org-cache';
import type { WorkingCopy } from '../working-copy';
import { TAG_PARTIES_PER_CALL, TAG_USERS_PER_CALL, type Draft } from './types';

/**
 * Tag creates and renames (ordered so no name is ever taken twice), and membership changes in
 * chunks within WeCom's per-call caps.
 */

export function tagDelete(t: CTag): Draft {
  return {
    call: { kind: 'tag.delete', tagid: t.tagid },
    entity: 'tag',
    key: String(t.tagid),
    summary: `删除标签「${t.tagname}」`,
    before: t,
    after: null,
  };
}

/** Tag creates and renames; returns the tag deletes still to plan (some may be pulled forward). */
export function planTagNames(base: CacheSnapshot, wc: WorkingCopy, out: Draft[]): Map<number, CTag> {
  const holder = new Map<string, number>();
  for (const t of base.tags) holder.set(t.tagname, t.tagid);
  const deletes = new Map<number, CTag>();
  let pending: Array<{ id: number; before: CTag | null; final: CTag }> = [];
  for (const id of wc.touchedKeys('tag')) {
    const b = wc.baseTag(id);
    if (wc.isDeleted('tag', id)) {
      if (b) deletes.set(id, b);
      continue;
    }
    const cur = wc.tag(id);
    if (!cur) continue;
    if (!b || b.tagname !== cur.tagname) pending.push({ id, before: b, final: cur });
  }
  const nameNow = new Map<number, string>();
  for (const p of pending) if (p.before) nameNow.set(p.id, p.before.tagname);

  const rename = (id: number, from: string, to: string, before: unknown, after: unknown, summary: string) => {
    out.push({
      call: { kind: 'tag.update', tagid: id, name: to },
      entity: 'tag',
      key: String(id),
      summary,
      before,
      after,
    });
    if (holder.get(from) === id) holder.delete(from);
    holder.set(to, id);
    nameNow.set(id, to);
  };
  const emit = (p: (typeof pending)[number]) => {
    const f = p.final;
    if (!p.before) {
      out.push({
        call: { kind: 'tag.create', localId: f.tagid, name: f.tagname },
        entity: 'tag',
        key: String(f.tagid),
        summary: `新建标签「${f.tagname}」`,
        before: null,
        after: { tagid: f.tagid, tagname: f.tagname },
      });
      holder.set(f.tagname, f.tagid);
    } else {
      const from = nameNow.get(p.id)!;
      rename(
        p.id,
        from,
        f.tagname,
        { tagid: p.id, tagname: from },
        { tagid: p.id, tagname: f.tagname },
        `重命名标签「${from}」为「${f.tagname}」`,
      );
    }
  };
  const free = (p: (typeof pending)[number]) => {
    const h = holder.get(p.final.tagname);
    return h === undefined || h === p.id;
  };
  const greedy = () => {
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      pending = pending.filter((p) => {
        if (!free(p)) return true;
        emit(p);
        progress = true;
        return false;
      });
    }
  };
  greedy();
  if (pending.length > 0) {
    // A name still held by a tag being deleted: delete that tag first (tag deletes have no prerequisites).
    for (const p of pending) {
      const h = holder.get(p.final.tagname);
      const d = h === undefined ? undefined : deletes.get(h);
      if (d) {
        out.push(tagDelete(d));
        deletes.delete(d.tagid);
        holder.delete(d.tagname);
      }
    }
    greedy();
  }
  if (pending.length > 0) {
    // Renames in a cycle (A↔B): give the renamed ones temporary names, then the final ones.
    for (const p of pending) {
      if (!p.before) continue;
      const from = nameNow.get(p.id)!;
      let temp = '';
      for (let n = 1; temp === '' || holder.has(temp); n++)
        temp = `${from.slice(0, 20)}~调整中${Math.abs(p.id)}${n > 1 ? `-${n}` : ''}`;
      rename(
        p.id,
        from,
        temp,
        { tagid: p.id, tagname: from },
        { tagid: p.id, tagname: temp },
        `临时将标签「${from}」改名为「${temp}」（交换名称所需）`,
      );
    }
    greedy();
    for (const p of pending) emit(p);
  }
  return deletes;
}

export function planTagMembership(wc: WorkingCopy, out: Draft[]): void {
  for (const id of wc.touchedKeys('tag')) {
    if (wc.isDeleted('tag', id)) continue;
    const t = wc.tag(id);
    if (!t) continue;
    const b = wc.baseTag(id);
    // Deleted members/departments leave tags by themselves in WeCom; removing them first is redundant.
    const gone = (u: string) => wc.isDeleted('member', u);
    const goneD = (d: number) => wc.isDeleted('department', d) || !wc.dept(d, { includeDeleted: true });
    const was = new Set((b?.userids ?? []).map(uidKey));
    const now = new Set(t.userids.map(uidKey));
    const addU = t.userids.filter((u) => !was.has(uidKey(u)) && !gone(u));
    const delU = (b?.userids ?? []).filter((u) => !now.has(uidKey(u)) && !gone(u));
    const baseD = new Set(b?.departmentIds ?? []);
    const nowD = new Set(t.departmentIds);
    const addD = t.departmentIds.filter((d) => !baseD.has(d) && !goneD(d));
    const delD = (b?.departmentIds ?? []).filter((d) => !nowD.has(d) && !goneD(d));
    pushChunks(out, 'tag.removeMembers', t, delU, delD);
    pushChunks(out, 'tag.addMembers', t, addU, addD);
  }
}

function pushChunks(
  out: Draft[],
  kind: 'tag.addMembers' | 'tag.removeMembers',
  t: CTag,
  users: string[],
  parties: number[],
): void {
  const n = Math.max(
    Math.ceil(users.length / TAG_USERS_PER_CALL),
    Math.ceil(parties.length / TAG_PARTIES_PER_CALL),
  );
  for (let i = 0; i < n; i++) {
    const userlist = users.slice(i * TAG_USERS_PER_CALL, (i + 1) * TAG_USERS_PER_CALL);
    const partylist = parties.slice(i * TAG_PARTIES_PER_CALL, (i + 1) * TAG_PARTIES_PER_CALL);
    const what = [
      userlist.length > 0 ? `${userlist.length} 人` : '',
      partylist.length > 0 ? `${partylist.length} 个部门` : '',
    ]
      .filter(Boolean)
      .join('、');
    const batch = n > 1 ? `（第 ${i + 1}/${n} 批）` : '';
    const links = { tagid: t.tagid, tagname: t.tagname, userlist, partylist };
    out.push({
      call: { kind, tagid: t.tagid, userids: userlist, departmentIds: partylist },
      entity: 'tag',
      key: String(t.tagid),
      summary:
        kind === 'tag.addMembers'
          ? `给标签「${t.tagname}」添加 ${what}${batch}`
          : `从标签「${t.tagname}」移除 ${what}${batch}`,
      // The links this call adds or removes are the audited "entity".
      before: kind === 'tag.removeMembers' ? links : null,
      after: kind === 'tag.addMembers' ? links : null,
    });
  }
}
