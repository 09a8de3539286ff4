import { createHash } from 'node:crypto';
import type { ChangeOp, Conflict } from '../../../contract/org-edit';
import { memberFieldsCanon } from '../../../domain/member-fields';
import {
  isMember,
  isTag,
  uidKey,
  type AnyEntity,
  type CacheSnapshot,
  type EntityKind,
} from '../../../domain/org-cache';
import { fieldsOf, mineFromOps, spaced, titleOf } from './conflict-sides';
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
    const mine = mineE
      ? fieldsOf(mineE, minePath, personName)
      : mineFromOps(change.ops.filter((op) => touchedKeys(op).includes(k)));
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
