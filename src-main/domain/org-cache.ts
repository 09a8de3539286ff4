import type { MemberStatus } from '../contract/org';
import { TOP_GROUPS } from '../contract/org';

/**
 * The local cache of WeCom's 通讯录 as every layer sees it: db rows are read into these shapes, the
 * sync writes them, the editing model works on them. Entities are immutable values: the model replaces
 * them, never edits them, so a working copy can share objects with the snapshot it was built from.
 */

export interface CDept {
  id: number;
  name: string;
  parentid: number;
  order: number;
}

export interface CMemberDept {
  departmentId: number;
  order: number;
  isLeader: boolean;
}

/** The writable fields are described once, in member-fields.ts; userid and status are WeCom's. */
export interface CMember {
  userid: string;
  name: string;
  alias: string;
  mobile: string;
  email: string;
  telephone: string;
  position: string;
  gender: '0' | '1' | '2';
  status: MemberStatus;
  enable: boolean;
  mainDepartment: number;
  departments: CMemberDept[];
  directLeader: string[];
}

export interface CTag {
  tagid: number;
  tagname: string;
  userids: string[];
  departmentIds: number[];
}

export interface CacheSnapshot {
  departments: CDept[];
  members: CMember[];
  tags: CTag[];
}

export type EntityKind = 'department' | 'member' | 'tag';
export type Pending = 'created' | 'updated' | 'deleted' | null;
export type AnyEntity = CDept | CMember | CTag;

export const ROOT_DEPT_ID = 1;

/** WeCom compares userids case-insensitively, so every index is keyed by this. */
export function uidKey(userid: string): string {
  return userid.toLowerCase();
}

/** Mobiles are unique in the corp; spaces and dashes are formatting, not identity. */
export function mobileKey(mobile: string): string {
  return mobile.replace(/[\s-]/g, '');
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** WeCom answers gender as a free string; anything but 男/女 is 未填. */
export function asGender(g: string): CMember['gender'] {
  return g === '1' || g === '2' ? g : '0';
}

/**
 * 0..5 for the six fixed top groups, null otherwise. Only a child of the root counts: a 临床科室 deeper
 * in the tree is an ordinary department.
 */
export function topGroupRank(d: Pick<CDept, 'name' | 'parentid'>): number | null {
  if (d.parentid !== ROOT_DEPT_ID) return null;
  const i = (TOP_GROUPS as readonly string[]).indexOf(d.name);
  return i >= 0 ? i : null;
}

export function isMember(e: AnyEntity): e is CMember {
  return 'userid' in e;
}

export function isTag(e: AnyEntity): e is CTag {
  return 'tagid' in e;
}

export function sameLinks(a: readonly CMemberDept[], b: readonly CMemberDept[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.departmentId !== y.departmentId || x.order !== y.order || x.isLeader !== y.isLeader) return false;
  }
  return true;
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Set equality; tags are unordered sets in WeCom. */
export function sameSet<T>(a: readonly T[], b: readonly T[], key: (v: T) => unknown = (v) => v): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a.map(key));
  return b.every((v) => s.has(key(v)));
}

export function sameDept(a: CDept, b: CDept): boolean {
  return a.id === b.id && a.name === b.name && a.parentid === b.parentid && a.order === b.order;
}

export function sameTag(a: CTag, b: CTag): boolean {
  return (
    a.tagname === b.tagname &&
    sameSet(a.userids, b.userids, uidKey) &&
    sameSet(a.departmentIds, b.departmentIds)
  );
}
