import type { ChangeOp } from '../../../contract/org-edit';
import {
  GENDER_LABELS,
  MEMBER_FIELD,
  MEMBER_FIELDS,
  type MemberField,
  type MemberFieldValues,
} from '../../../domain/member-fields';
import {
  isMember,
  isTag,
  type AnyEntity,
  type CDept,
  type CMember,
  type CTag,
  type EntityKind,
} from '../../../domain/org-cache';

/** The two sides of a conflict as the clerk reads them: field label → plain Chinese value. */

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

export function fieldsOf(
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

export function titleOf(kind: EntityKind, e: AnyEntity | undefined, key: string): string {
  if (!e) return kind === 'department' ? `部门 #${key}` : kind === 'member' ? `成员 ${key}` : `标签 #${key}`;
  if (kind === 'member') return `成员 ${(e as CMember).name}（${(e as CMember).userid}）`;
  if (kind === 'tag') return `标签「${(e as CTag).tagname}」`;
  return `部门「${(e as CDept).name}」`;
}

/** A space between a latin userid and the Chinese that follows, none after a closing bracket. */
export function spaced(a: string, b: string): string {
  return /[A-Za-z0-9#]$/.test(a) ? `${a} ${b}` : a + b;
}

/**
 * Without a starting point, "mine" is just what the ops set (null when they delete it). `ops` are the
 * ops that touch the entity.
 */
export function mineFromOps(ops: readonly ChangeOp[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const op of ops) {
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
