import type { ChangeOp, Rule, RulePreview } from '../../../contract/org-edit';
import { ROOT_DEPT_ID, uidKey, type CMember } from '../../../domain/org-cache';
import type { WorkingCopy } from './working-copy';

/**
 * Rules derived from members' positions (职务):
 * - positional: a group department (e.g. 正副主任) directly under each top group, holding exactly the
 *   members of that top group's subtree whose position matches. Membership is an extra department link;
 *   the member's 科室 and main department stay as they are.
 * - tag: a tag holding exactly the members whose position matches.
 * The ops emitted reach that state; evaluating again on the result emits nothing (idempotent).
 * Callers decide which rules to pass (e.g. only enabled ones); each is evaluated on the state left by
 * the previous ones, and wc is unchanged afterwards.
 */

export interface RulesResult {
  /** One per rule, in the order given. */
  previews: RulePreview[];
  ops: ChangeOp[];
}

type Group = RulePreview['groups'][number];

function matcher(rule: Rule): (m: CMember) => boolean {
  const positions = new Set(rule.positions.map((p) => p.trim()));
  return (m) => positions.has(m.position.trim());
}

function byUserid(a: CMember, b: CMember): number {
  return uidKey(a.userid) < uidKey(b.userid) ? -1 : uidKey(a.userid) > uidKey(b.userid) ? 1 : 0;
}

const MAX_LINKS = 20;

export function evaluateRules(rules: readonly Rule[], wc: WorkingCopy, allocId: () => number): RulesResult {
  // Group department names of every positional rule: their links are rule-managed, never "a 科室".
  const groupNames = new Set(rules.filter((r) => r.kind === 'positional').map((r) => r.name.trim()));
  return wc.withScratch((s) => {
    const previews: RulePreview[] = [];
    const ops: ChangeOp[] = [];
    for (const rule of rules) {
      let count = 0;
      // Applied as emitted: a member matched under two top groups gets the second link on top of the first.
      const emit = (op: ChangeOp) => {
        s.apply(op);
        ops.push(op);
        count++;
      };
      const groups =
        rule.kind === 'positional'
          ? positional(rule, s, allocId, groupNames, emit)
          : tagRule(rule, s, allocId, emit);
      previews.push({ groups, ops: count });
    }
    return { previews, ops };
  });
}

function positional(
  rule: Rule,
  s: WorkingCopy,
  allocId: () => number,
  groupNames: Set<string>,
  emit: (op: ChangeOp) => void,
): Group[] {
  const name = rule.name.trim();
  const matches = matcher(rule);
  const tops =
    rule.topGroupIds.length > 0
      ? rule.topGroupIds.flatMap((id) => {
          const d = s.dept(id);
          return d ? [d] : [];
        })
      : s.children(ROOT_DEPT_ID);
  const groups: Group[] = [];
  for (const top of tops) {
    const siblings = s.children(top.id);
    const existing = siblings.find((c) => c.name === name);
    const skip = new Set(siblings.filter((c) => groupNames.has(c.name)).map((c) => c.id));
    const desired = new Map<string, CMember>();
    for (const d of s.subtree(top.id)) {
      if (skip.has(d)) continue;
      for (const m of s.membersOf(d)) if (matches(m)) desired.set(uidKey(m.userid), m);
    }
    const current = existing ? s.membersOf(existing.id) : [];
    const currentKeys = new Set(current.map((m) => uidKey(m.userid)));
    const adds = [...desired.values()]
      .filter((m) => !currentKeys.has(uidKey(m.userid)) && m.departments.length < MAX_LINKS)
      .sort(byUserid);
    // Never remove a member's last department: WeCom requires at least one.
    const removes = current
      .filter((m) => !desired.has(uidKey(m.userid)) && m.departments.length > 1)
      .sort(byUserid);
    if (!existing && desired.size === 0) continue;

    let gid = existing?.id;
    if (gid === undefined && adds.length > 0) {
      gid = allocId();
      emit({ type: 'dept.create', id: gid, name, parentid: top.id, order: 0 });
    }
    if (gid !== undefined) {
      for (const a of adds) {
        const m = s.member(a.userid)!;
        emit({
          type: 'member.update',
          userid: m.userid,
          fields: { departments: [...m.departments, { departmentId: gid, order: 0, isLeader: false }] },
        });
      }
      for (const r of removes) {
        const m = s.member(r.userid)!;
        const departments = m.departments.filter((l) => l.departmentId !== gid);
        const fields: Extract<ChangeOp, { type: 'member.update' }>['fields'] = { departments };
        if (m.mainDepartment === gid) fields.mainDepartment = departments[0]!.departmentId;
        emit({ type: 'member.update', userid: m.userid, fields });
      }
    }
    groups.push({
      parentId: top.id,
      parentName: top.name,
      name,
      exists: existing !== undefined,
      members: [...desired.values()]
        .sort(byUserid)
        .map((m) => ({ userid: m.userid, name: m.name, position: m.position })),
      adds: adds.map((m) => m.userid),
      removes: removes.map((m) => m.userid),
    });
  }
  return groups;
}

function tagRule(rule: Rule, s: WorkingCopy, allocId: () => number, emit: (op: ChangeOp) => void): Group[] {
  const name = rule.name.trim();
  const matches = matcher(rule);
  const tag = s.tagsByName(name)[0];
  const desired = s.members().filter(matches).sort(byUserid);
  const desiredKeys = new Set(desired.map((m) => uidKey(m.userid)));
  // Only members we know about are managed; ids outside the visible range are left alone.
  const current = (tag?.userids ?? []).flatMap((u) => {
    const m = s.member(u);
    return m ? [m] : [];
  });
  const currentKeys = new Set(current.map((m) => uidKey(m.userid)));
  const adds = desired.filter((m) => !currentKeys.has(uidKey(m.userid)));
  const removes = current.filter((m) => !desiredKeys.has(uidKey(m.userid))).sort(byUserid);
  if (!tag && desired.length === 0) return [];

  let tagid = tag?.tagid;
  if (tagid === undefined) {
    tagid = allocId();
    emit({ type: 'tag.create', tagid, tagname: name });
  }
  if (adds.length > 0)
    emit({ type: 'tag.addMembers', tagid, userids: adds.map((m) => m.userid), departmentIds: [] });
  if (removes.length > 0)
    emit({ type: 'tag.removeMembers', tagid, userids: removes.map((m) => m.userid), departmentIds: [] });
  return [
    {
      parentId: null,
      parentName: '标签',
      name,
      exists: tag !== undefined,
      members: desired.map((m) => ({ userid: m.userid, name: m.name, position: m.position })),
      adds: adds.map((m) => m.userid),
      removes: removes.map((m) => m.userid),
    },
  ];
}
