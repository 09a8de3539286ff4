import type { MemberCallFields } from '../../../../contract/outbox';
import {
  MEMBER_FIELD,
  SCALAR_MEMBER_FIELDS,
  changedMemberFields,
  memberFieldsOf,
  type MemberField,
} from '../../../../domain/member-fields';
import { emailKey, mobileKey, uidKey, type CMember } from '../../../../domain/org-cache';
import { describeDeptChange } from '../summaries';
import type { WorkingCopy } from '../working-copy';
import type { Draft } from './types';

/**
 * Member creates and updates, ordered so leaders exist before the members that name them and no
 * mobile or email is ever held by two members at once.
 */

/** Fields an update names in its "修改 X 的…" summary, in the order the summary lists them. */
const LABELLED: readonly MemberField[] = [...SCALAR_MEMBER_FIELDS, 'directLeader'];

export function planMembers(wc: WorkingCopy, out: Draft[]): void {
  const created = new Map<string, CMember>();
  const updated: Array<{ before: CMember; final: CMember }> = [];
  for (const k of wc.touchedKeys('member')) {
    if (wc.isDeleted('member', k)) continue; // update-then-delete = delete only
    const cur = wc.member(k);
    if (!cur) continue; // create-then-delete = nothing
    const b = wc.baseMember(k);
    if (!b) created.set(k, cur);
    else updated.push({ before: b, final: cur });
  }

  // A new member's direct leader may be another new member: create leaders first; a leader cycle among
  // new members is broken by setting direct_leader in a follow-up update.
  const actions: Array<{ k: string; ids: string[]; before: string[]; needs: string[]; draft: Draft }> = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const deferred: CMember[] = [];
  const visit = (k: string) => {
    if (done.has(k)) return;
    const m = created.get(k)!;
    visiting.add(k);
    let defer = false;
    for (const l of m.directLeader) {
      const lk = uidKey(l);
      if (!created.has(lk) || done.has(lk)) continue;
      if (visiting.has(lk)) defer = true;
      else visit(lk);
    }
    visiting.delete(k);
    if (done.has(k)) return;
    done.add(k);
    const fields: MemberCallFields = memberFieldsOf(m);
    if (defer) fields.directLeader = [];
    if (defer) deferred.push(m);
    const needs = defer ? [] : m.directLeader.map(uidKey).filter((l) => created.has(l));
    actions.push({
      k,
      ids: idsOf(m),
      before: [],
      needs,
      draft: {
        call: { kind: 'member.create', userid: m.userid, fields },
        entity: 'member',
        key: m.userid,
        summary: `新建成员 ${m.name}（${m.userid}）`,
        before: null,
        after: m,
      },
    });
  };
  for (const k of created.keys()) visit(k);
  const followUps: Draft[] = [];
  for (const m of deferred)
    followUps.push({
      call: { kind: 'member.update', userid: m.userid, fields: { directLeader: m.directLeader } },
      entity: 'member',
      key: m.userid,
      summary: `设置 ${m.name} 的直属上级`,
      before: { ...m, directLeader: [] },
      after: m,
    });

  for (const { before: b, final: f } of updated) {
    const changed = new Set(changedMemberFields(b, f));
    const fields: Partial<MemberCallFields> = {};
    const set = (field: MemberField) => ((fields as Record<string, unknown>)[field] = f[field]);
    const parts: string[] = [];
    if (changed.has('enable')) {
      set('enable');
      parts.push(`${f.enable ? '启用' : '停用'} ${f.name}`);
    }
    const labels: string[] = [];
    for (const field of LABELLED)
      if (changed.has(field)) {
        set(field);
        labels.push(MEMBER_FIELD[field].label);
      }
    if (changed.has('departments')) {
      // department, order and is_leader_in_dept are positional lists: WeCom needs them together.
      set('departments');
      set('mainDepartment');
      parts.push(describeDeptChange(wc, f.name, b.departments, f.departments) ?? `调整 ${f.name} 的部门`);
    } else if (changed.has('mainDepartment')) {
      set('mainDepartment');
      labels.push(MEMBER_FIELD.mainDepartment.label);
    }
    if (labels.length > 0) parts.push(`修改 ${f.name} 的${labels.join('、')}`);
    if (Object.keys(fields).length === 0) continue; // updates that cancel out
    actions.push({
      k: uidKey(f.userid),
      ids: idsOf(f),
      before: idsOf(b),
      needs: f.directLeader.map(uidKey).filter((l) => created.has(l)),
      draft: {
        call: { kind: 'member.update', userid: f.userid, fields },
        entity: 'member',
        key: f.userid,
        summary: parts.join('；'),
        before: b,
        after: f,
      },
    });
  }

  // Mobiles and emails are unique in WeCom: a member taking over another's old mobile must wait until
  // that one has changed. Untouched members cannot clash (validation saw them), so only touched count.
  const holder = new Map<string, string>();
  for (const a of actions) for (const id of a.before) holder.set(id, a.k);
  const createdDone = new Set<string>();
  let pending = actions;
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    pending = pending.filter((a) => {
      const blocked =
        a.ids.some((id) => {
          const h = holder.get(id);
          return h !== undefined && h !== a.k;
        }) || a.needs.some((l) => !createdDone.has(l));
      if (blocked) return true;
      out.push(a.draft);
      for (const id of a.before) if (holder.get(id) === a.k) holder.delete(id);
      for (const id of a.ids) holder.set(id, a.k);
      if (a.draft.call.kind === 'member.create') createdDone.add(a.k);
      progress = true;
      return false;
    });
  }
  // A swap of mobiles between two members cannot be ordered; WeCom will say which one clashes.
  for (const a of pending) out.push(a.draft);
  out.push(...followUps);
}

function idsOf(m: CMember): string[] {
  const ids: string[] = [];
  if (m.mobile.trim() !== '') ids.push(`m:${mobileKey(m.mobile.trim())}`);
  if (m.email.trim() !== '') ids.push(`e:${emailKey(m.email)}`);
  return ids;
}
