import type { Department, SeedData, Tag, User } from './types';

export const ROOT_ID = 1;

/** Mobile numbers compare without spaces/dashes and without the +86 prefix the doc samples use. */
export function mobileKey(mobile: string): string {
  return mobile.replace(/[\s-]/g, '').replace(/^\+86/, '');
}

/**
 * The corp's contacts. Maps are public for direct read access from tests; mutate only through
 * the methods so the secondary indexes (children, members, mobile/email owners) stay in sync.
 */
export class SandboxState {
  readonly departments = new Map<number, Department>();
  /** keyed by lower-cased userid: WeCom userids are unique case-insensitively */
  readonly users = new Map<string, User>();
  readonly tags = new Map<number, Tag>();
  /** lower-cased userid → number of batch/invite invitations sent */
  readonly invites = new Map<string, number>();

  private readonly children = new Map<number, Set<number>>();
  private readonly members = new Map<number, Set<string>>();
  private readonly mobiles = new Map<string, string>();
  private readonly emails = new Map<string, string>();

  constructor(seed?: SeedData) {
    if (seed) this.load(seed);
  }

  load(seed: SeedData): void {
    this.departments.clear();
    this.users.clear();
    this.tags.clear();
    this.invites.clear();
    this.children.clear();
    this.members.clear();
    this.mobiles.clear();
    this.emails.clear();
    for (const d of seed.departments) this.putDepartment({ ...d });
    for (const u of seed.users) this.putUser(u);
    for (const t of seed.tags)
      this.tags.set(t.tagid, { ...t, users: new Set(t.users), parties: new Set(t.parties) });
  }

  // ---- departments ----

  /** siblings ordered like the WeCom console: larger `order` first, then id */
  childrenOf(id: number): Department[] {
    const ids = this.children.get(id);
    if (!ids) return [];
    const out: Department[] = [];
    for (const cid of ids) {
      const d = this.departments.get(cid);
      if (d) out.push(d);
    }
    return out.sort((a, b) => b.order - a.order || a.id - b.id);
  }

  hasChildren(id: number): boolean {
    return (this.children.get(id)?.size ?? 0) > 0;
  }

  /** pre-order walk of the subtree rooted at id, root included */
  subtree(id: number): Department[] {
    const root = this.departments.get(id);
    if (!root) return [];
    const out: Department[] = [];
    const stack: Department[] = [root];
    while (stack.length > 0) {
      const d = stack.pop()!;
      out.push(d);
      const kids = this.childrenOf(d.id);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  }

  /** root has depth 1 */
  depthOf(id: number): number {
    let depth = 0;
    let cur = this.departments.get(id);
    while (cur) {
      depth++;
      cur = cur.parentid === 0 ? undefined : this.departments.get(cur.parentid);
    }
    return depth;
  }

  /** levels in the subtree rooted at id (a leaf is 1) */
  heightOf(id: number): number {
    const kids = this.children.get(id);
    if (!kids || kids.size === 0) return 1;
    let h = 0;
    for (const k of kids) h = Math.max(h, this.heightOf(k));
    return h + 1;
  }

  isSelfOrDescendant(candidate: number, ancestor: number): boolean {
    let cur = this.departments.get(candidate);
    while (cur) {
      if (cur.id === ancestor) return true;
      cur = cur.parentid === 0 ? undefined : this.departments.get(cur.parentid);
    }
    return false;
  }

  /** direct child nodes (sub-departments + members), the unit of the 30,000 limit (81001) */
  childNodeCount(id: number): number {
    return (this.children.get(id)?.size ?? 0) + (this.members.get(id)?.size ?? 0);
  }

  putDepartment(d: Department): void {
    const old = this.departments.get(d.id);
    if (old && old.parentid !== d.parentid) this.children.get(old.parentid)?.delete(d.id);
    this.departments.set(d.id, d);
    if (d.parentid !== 0) {
      let set = this.children.get(d.parentid);
      if (!set) this.children.set(d.parentid, (set = new Set()));
      set.add(d.id);
    }
  }

  removeDepartment(id: number): void {
    const d = this.departments.get(id);
    if (!d) return;
    this.children.get(d.parentid)?.delete(id);
    this.children.delete(id);
    this.members.delete(id);
    this.departments.delete(id);
    for (const t of this.tags.values()) t.parties.delete(id);
  }

  nextDepartmentId(): number {
    let max = ROOT_ID;
    for (const id of this.departments.keys()) if (id > max) max = id;
    return max + 1;
  }

  // ---- users ----

  getUser(userid: string): User | undefined {
    return this.users.get(userid.toLowerCase());
  }

  hasMembers(deptId: number): boolean {
    return (this.members.get(deptId)?.size ?? 0) > 0;
  }

  /** members of one department, ordered by their per-department order (larger first) */
  directMembers(deptId: number): User[] {
    const keys = this.members.get(deptId);
    if (!keys) return [];
    const rows: { u: User; order: number }[] = [];
    for (const k of keys) {
      const u = this.users.get(k);
      if (!u) continue;
      const idx = u.department.indexOf(deptId);
      rows.push({ u, order: u.order[idx] ?? 0 });
    }
    rows.sort((a, b) => b.order - a.order);
    return rows.map((r) => r.u);
  }

  /** members of a department, or of its whole subtree; a member appears once */
  membersOf(deptId: number, recursive: boolean): User[] {
    if (!recursive) return this.directMembers(deptId);
    const seen = new Set<string>();
    const out: User[] = [];
    for (const d of this.subtree(deptId)) {
      for (const u of this.directMembers(d.id)) {
        const k = u.userid.toLowerCase();
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(u);
      }
    }
    return out;
  }

  /** 部门负责人 = members flagged is_leader_in_dept for that department */
  leadersOf(deptId: number): string[] {
    const out: string[] = [];
    for (const u of this.directMembers(deptId)) {
      const idx = u.department.indexOf(deptId);
      if (u.is_leader_in_dept[idx] === 1) out.push(u.userid);
    }
    return out;
  }

  mobileOwner(mobile: string): string | undefined {
    return this.mobiles.get(mobileKey(mobile));
  }

  emailOwner(email: string): string | undefined {
    return this.emails.get(email.toLowerCase());
  }

  /** insert or replace a member, re-indexing departments, mobile and email */
  putUser(u: User): void {
    const key = u.userid.toLowerCase();
    const old = this.users.get(key);
    if (old) this.unindexUser(old);
    this.users.set(key, u);
    for (const d of u.department) {
      let set = this.members.get(d);
      if (!set) this.members.set(d, (set = new Set()));
      set.add(key);
    }
    if (u.mobile) this.mobiles.set(mobileKey(u.mobile), key);
    if (u.email) this.emails.set(u.email.toLowerCase(), key);
  }

  removeUser(userid: string): void {
    const key = userid.toLowerCase();
    const u = this.users.get(key);
    if (!u) return;
    this.unindexUser(u);
    this.users.delete(key);
    this.invites.delete(key);
    for (const t of this.tags.values()) t.users.delete(key);
    for (const other of this.users.values()) {
      if (other.direct_leader.some((l) => l.toLowerCase() === key)) {
        other.direct_leader = other.direct_leader.filter((l) => l.toLowerCase() !== key);
      }
    }
  }

  private unindexUser(u: User): void {
    const key = u.userid.toLowerCase();
    for (const d of u.department) this.members.get(d)?.delete(key);
    if (u.mobile && this.mobiles.get(mobileKey(u.mobile)) === key) this.mobiles.delete(mobileKey(u.mobile));
    if (u.email && this.emails.get(u.email.toLowerCase()) === key) this.emails.delete(u.email.toLowerCase());
  }

  // ---- tags ----

  nextTagId(): number {
    let max = 0;
    for (const id of this.tags.keys()) if (id > max) max = id;
    return max + 1;
  }

  recordInvite(userid: string): void {
    const key = userid.toLowerCase();
    this.invites.set(key, (this.invites.get(key) ?? 0) + 1);
  }

  /** plain-JSON view for GET /__sandbox/state */
  snapshot(): {
    departments: (Department & { department_leader: string[] })[];
    users: User[];
    tags: { tagid: number; tagname: string; userlist: string[]; partylist: number[] }[];
    invites: { userid: string; count: number }[];
  } {
    return {
      departments: this.subtree(ROOT_ID).map((d) => ({ ...d, department_leader: this.leadersOf(d.id) })),
      users: [...this.users.values()].map((u) => {
        const { prevStatus: _p, creator: _c, ...rest } = u;
        return rest as User;
      }),
      tags: [...this.tags.values()].map((t) => ({
        tagid: t.tagid,
        tagname: t.tagname,
        userlist: [...t.users].map((k) => this.users.get(k)?.userid ?? k),
        partylist: [...t.parties],
      })),
      invites: [...this.invites].map(([k, count]) => ({ userid: this.users.get(k)?.userid ?? k, count })),
    };
  }
}
