import type { Department, Member, MemberIndexRow, Tag } from '../../contract/org';
import { memberFieldsOf } from '../../domain/member-fields';
import type { CMember } from '../../domain/org-cache';
import type { WorkingCopy } from './model/working-copy';
import { namePinyin } from '../org/pinyin';
import { deptPinyin } from './dept-pinyin';

/** Working-copy entities in the contract's shapes, with their pending markers. */
export function deptView(wc: WorkingCopy): Department[] {
  return wc.departments({ includeDeleted: true }).map((d) => ({
    id: d.id,
    name: d.name,
    parentid: d.parentid,
    order: d.order,
    memberCount: wc.memberCount(d.id),
    pinnedRank: wc.pinnedRank(d.id),
    pending: wc.pendingOf('department', d.id),
    ...deptPinyin(d.name),
  }));
}

export function memberView(wc: WorkingCopy, m: CMember): Member {
  // The contract shows enable through status, so the field itself stays in main.
  const { enable: _enable, ...fields } = memberFieldsOf(m);
  return {
    userid: m.userid,
    ...fields,
    // A member disabled locally shows as disabled before the push, like everywhere else.
    status: !m.enable && m.status !== 5 ? 2 : m.status === 2 && m.enable ? 1 : m.status,
    pending: wc.pendingOf('member', m.userid),
  };
}

export function tagView(wc: WorkingCopy): Tag[] {
  return wc.tags({ includeDeleted: true }).map((t) => ({
    tagid: t.tagid,
    tagname: t.tagname,
    memberCount: t.userids.length,
    departmentCount: t.departmentIds.length,
    pending: wc.pendingOf('tag', t.tagid),
  }));
}

/** The cached index, corrected for members the staged changes touch. */
export function indexView(cached: MemberIndexRow[], wc: WorkingCopy): MemberIndexRow[] {
  const touched = new Set(wc.touchedKeys('member').map((k) => String(k).toLowerCase()));
  if (touched.size === 0) return cached;
  const out = cached.filter((r) => !touched.has(r.userid.toLowerCase()));
  const known = new Map(cached.map((r) => [r.name, r] as const));
  for (const key of touched) {
    const m = wc.member(key);
    if (!m) continue;
    const prev = known.get(m.name);
    const py = prev ? { pinyin: prev.pinyin, initials: prev.initials } : namePinyin(m.name);
    const v = memberView(wc, m);
    out.push({
      userid: m.userid,
      name: m.name,
      pinyin: py.pinyin,
      initials: py.initials,
      position: m.position,
      status: v.status,
      departmentIds: m.departments.map((l) => l.departmentId),
      mobile: m.mobile,
      email: m.email,
    });
  }
  return out;
}
