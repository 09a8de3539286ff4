import { createHash } from 'node:crypto';
import type { ChangeOp, Conflict } from '../../../contract/org-edit';
import {
  GENDER_LABELS,
  MEMBER_FIELD,
  MEMBER_FIELDS,
  memberFieldsCanon,
  type MemberField,
  type MemberFieldValues,
} from '../../../domain/member-fields';
import {
  isMember,
  isTag,
  uidKey,
  type AnyEntity,
  type CDept,
  type CMember,
  type CTag,
  type CacheSnapshot,
  type EntityKind,
} from '../../../domain/org-cache';
import { pathResolver } from './diff';
import { WorkingCopy } from './working-copy';

/**
 * Optimistic concurrency against edits made directly in WeCom. When a change is staged, the version of
 * every existing entity it touches is recorded; at push time the freshly pulled remote versions are
 * compared, and any difference (edited or deleted meanwhile) becomes a Conflict for the clerk to decide.
 */

/** Version recorded for an entity that did not exist (e.g. the userid of a member being created). */
export const ABSENT = 'absent';

/** What the service stores per staged change. */
export interface StagedChangeLike {
  id: number;
  ops: readonly ChangeOp[];
  base: Record<string, string>;
}

/** The entity as it was when the change was staged: undefined = unknown, null = it did not exist. */
export type BaseLookup = (key: string) => AnyEntity | null | undefined;

/**
 * Short stable hash of what a clerk can edit. A member's status is left out on purpose: it moves by
 * itself (4 → 1 when someone activates) and must not turn every staged edit into a conflict.
 */
export function entityVersion(e: AnyEntity): string {
  let canon: unknown;
  if (isMember(e)) {
    canon = ['m', ...memberFieldsCanon(e)];
  } else if (isTag(e)) {
    canon = ['t', e.tagname, e.userids.map(uidKey).sort(), [...e.departmentIds].sort((a, b) => a - b)];
  } else canon = ['d', e.name, e.parentid, e.order];
  return createHash('sha256').update(JSON.stringify(canon)).digest('hex').slice(0, 16);
}

export function entityKey(kind: EntityKind, key: number | string): string {
  return `${kind}:${kind === 'member' ? uidKey(String(key)) : String(key)}`;
}

function parseKey(k: string): { kind: EntityKind; key: string } {
  const i = k.indexOf(':');
  return { kind: k.slice(0, i) as EntityKind, key: k.slice(i + 1) };
}

/**
 * The existing entities an op modifies. Parents and referenced departments are not included: a remote
 * rename of a parent does not invalidate creating a child under it. Local (negative) ids have no remote
 * counterpart. A member create records its userid, so someone taking that userid in WeCom is caught.
 */
export function touchedKeys(op: ChangeOp): string[] {
  switch (op.type) {
    case 'dept.update':
    case 'dept.delete':
      return op.id > 0 ? [entityKey('department', op.id)] : [];
    case 'member.create':
    case 'member.update':
    case 'member.delete':
      return [entityKey('member', op.userid)];
    case 'tag.update':
    case 'tag.delete':
    case 'tag.addMembers':
    case 'tag.removeMembers':
      return op.tagid > 0 ? [entityKey('tag', op.tagid)] : [];
    case 'dept.create':
    case 'tag.create':
      return [];
  }
}

/** Finds entities by key in a snapshot, scanning it once for just the keys asked. */
function lookupIn(snapshot: CacheSnapshot, keys: Iterable<string>): Map<string, AnyEntity> {
  const want = new Set(keys);
  const found = new Map<string, AnyEntity>();
  for (const d of snapshot.departments)
    if (want.has(`department:${d.id}`)) found.set(`department:${d.id}`, d);
  for (const m of snapshot.members) {
    const k = entityKey('member', m.userid);
    if (want.has(k)) found.set(k, m);
  }
  for (const t of snapshot.tags) if (want.has(`tag:${t.tagid}`)) found.set(`tag:${t.tagid}`, t);
  return found;
}

/**
 * Versions of the touched entities as they are in the cache (WeCom's state), not as edited by earlier
 * staged changes: conflicts compare against WeCom, so the base must be WeCom's.
 */
export function captureBase(
  source: WorkingCopy | CacheSnapshot,
  ops: readonly ChangeOp[],
): Record<string, string> {
  const keys = new Set(ops.flatMap(touchedKeys));
  const out: Record<string, string> = {};
  if (source instanceof WorkingCopy) {
    for (const k of keys) {
      const { kind, key } = parseKey(k);
      const e =
        kind === 'department'
          ? source.baseDept(Number(key))
          : kind === 'member'
            ? source.baseMember(key)
            : source.baseTag(Number(key));
      out[k] = e ? entityVersion(e) : ABSENT;
    }
    return out;
  }
  const found = lookupIn(source, keys);
  for (const k of keys) {
    const e = found.get(k);
    out[k] = e ? entityVersion(e) : ABSENT;
  }
  return out;
}

/** "Keep mine": the change is now based on what WeCom holds, so it no longer conflicts. */
export function rebase(change: StagedChangeLike, remote: CacheSnapshot): Record<string, string> {
  const base = change.base;
  const found = lookupIn(remote, Object.keys(base));
  const out: Record<string, string> = {};
  for (const k of Object.keys(base)) {
    const e = found.get(k);
    out[k] = e ? entityVersion(e) : ABSENT;
  }
  return out;
}

// ---------------------------------------------------------------- human-readable sides

const MAX_LISTED = 20;

function list(items: string[]): string {
  if (items.length === 0) return '（无）';
  const shown = items.slice(0, MAX_LISTED).join('、');
  return items.length > MAX_LISTED ? `${shown} 等 ${items.length} 项` : shown;
}

interface ShowCtx {
  path: (id: number) => string;
  personName: (u: string) => string;
}

/** One member field as the conflict card shows it; undefined when it needs names the ops lack. */
function showField(f: MemberField, v: MemberFieldValues[MemberField], ctx?: ShowCtx): string | undefined {
  switch (MEMBER_FIELD[f].kind) {
    case 'text':
      return v as string;
    case 'gender':
      return GENDER_LABELS[v as string] ?? (v as string);
    case 'flag':
      return v ? '启用' : '停用';
    case 'dept':
      return ctx?.path(v as number);
    case 'links':
      return (
        ctx &&
        list(
          (v as CMember['departments']).map(
            (l) => ctx.path(l.departmentId) + (l.isLeader ? '（负责人）' : ''),
          ),
        )
      );
    case 'userids':
      return ctx && list((v as string[]).map(ctx.personName));
  }
}

function fieldsOf(
  e: AnyEntity,
  path: (id: number) => string,
  personName: (u: string) => string,
): Record<string, string> {
  if (isMember(e)) {
    const out: Record<string, string> = { [MEMBER_FIELD.name.label]: e.name, 账号: e.userid };
    for (const f of MEMBER_FIELDS) out[MEMBER_FIELD[f].label] = showField(f, e[f], { path, personName })!;
    return out;
  }
  if (isTag(e))
    return { 名称: e.tagname, 成员: list(e.userids.map(personName)), 部门: list(e.departmentIds.map(path)) };
  const d = e as CDept;
  return { 名称: d.name, 上级部门: path(d.parentid), 排序: String(d.order) };
}

function titleOf(kind: EntityKind, e: AnyEntity | undefined, key: string): string {
  if (!e) return kind === 'department' ? `部门 #${key}` : kind === 'member' ? `成员 ${key}` : `标签 #${key}`;
  if (kind === 'member') return `成员 ${(e as CMember).name}（${(e as CMember).userid}）`;
  if (kind === 'tag') return `标签「${(e as CTag).tagname}」`;
  return `部门「${(e as CDept).name}」`;
}

/**
 * Conflicts of the staged changes with the remote snapshot just pulled. `mine` shows the entity after
 * every staged op applied on top of WeCom's current state (what "keep mine" would push); when WeCom
 * deleted it, the last known base is used as the starting point when the lookup can give it.
 */
export function detectConflicts(
  changes: readonly StagedChangeLike[],
  remote: CacheSnapshot,
  baseLookup?: BaseLookup,
): Conflict[] {
  const allKeys = new Set(changes.flatMap((c) => Object.keys(c.base)));
  const remoteFound = lookupIn(remote, allKeys);
  const hits: Array<{ change: StagedChangeLike; k: string; recorded: string }> = [];
  for (const c of changes)
    for (const [k, recorded] of Object.entries(c.base)) {
      const e = remoteFound.get(k);
      if ((e ? entityVersion(e) : ABSENT) !== recorded) hits.push({ change: c, k, recorded });
    }
  if (hits.length === 0) return [];

  // Entities deleted remotely but known from the base are put back for the "mine" view only.
  const revived: CacheSnapshot = {
    departments: [...remote.departments],
    members: [...remote.members],
    tags: [...remote.tags],
  };
  for (const { k } of hits) {
    if (remoteFound.has(k)) continue;
    const b = baseLookup?.(k);
    if (!b) continue;
    if (isMember(b)) revived.members.push(b);
    else if (isTag(b)) revived.tags.push(b);
    else revived.departments.push(b);
  }
  const mineWc = WorkingCopy.build(
    revived,
    changes.flatMap((c) => [...c.ops]),
  );
  const remotePath = pathResolver(remote.departments);
  const minePath = (id: number) => mineWc.path(id);
  const remoteNames = new Map(remote.members.map((m) => [uidKey(m.userid), m.name] as const));
  const personName = (u: string) =>
    remoteNames.get(uidKey(u)) ?? mineWc.member(u, { includeDeleted: true })?.name ?? u;
  const basePath = (id: number) =>
    remote.departments.some((d) => d.id === id) ? remotePath(id) : minePath(id);

  return hits.map(({ change, k, recorded }) => {
    const { kind, key } = parseKey(k);
    const theirsE = remoteFound.get(k);
    const baseE = recorded === ABSENT ? null : baseLookup?.(k);
    const mineE =
      kind === 'department'
        ? mineWc.dept(Number(key))
        : kind === 'member'
          ? mineWc.member(key)
          : mineWc.tag(Number(key));
    const mine = mineE ? fieldsOf(mineE, minePath, personName) : mineFromOps(change.ops, k);
    const any = theirsE ?? mineE ?? baseE ?? undefined;
    const what =
      theirsE === undefined
        ? '已在企业微信中被删除'
        : recorded === ABSENT
          ? '已在企业微信中被他人新建'
          : '已在企业微信中被修改';
    return {
      changeId: change.id,
      entity: kind,
      key: any && isMember(any) ? any.userid : key,
      title: spaced(titleOf(kind, any, key), what),
      base: baseE ? fieldsOf(baseE, basePath, personName) : null,
      mine,
      theirs: theirsE ? fieldsOf(theirsE, remotePath, personName) : null,
    };
  });
}

/** A space between a latin userid and the Chinese that follows, none after a closing bracket. */
function spaced(a: string, b: string): string {
  return /[A-Za-z0-9#]$/.test(a) ? `${a} ${b}` : a + b;
}

/** Without a starting point, "mine" is just what the ops set (null when they delete it). */
function mineFromOps(ops: readonly ChangeOp[], k: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const op of ops) {
    if (!touchedKeys(op).includes(k)) continue;
    switch (op.type) {
      case 'dept.update':
        if (op.name !== undefined) out['名称'] = op.name;
        if (op.parentid !== undefined) out['上级部门'] = `部门 #${op.parentid}`;
        if (op.order !== undefined) out['排序'] = String(op.order);
        break;
      case 'member.update':
      case 'member.create': {
        const f: Partial<MemberFieldValues> = op.fields;
        for (const field of MEMBER_FIELDS) {
          const v = f[field];
          const shown = v === undefined ? undefined : showField(field, v);
          if (shown !== undefined) out[MEMBER_FIELD[field].label] = shown;
        }
        break;
      }
      case 'tag.update':
        out['名称'] = op.tagname;
        break;
      case 'dept.delete':
      case 'member.delete':
      case 'tag.delete':
        return null;
      default:
        break;
    }
  }
  return out;
}
