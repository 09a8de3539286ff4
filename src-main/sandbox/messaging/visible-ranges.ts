import { ROOT_ID, type SandboxState } from '../state';

/** 应用可见范围: who an app can reach. The demo apps see the whole org (the root department). */
export interface VisibleRange {
  users: string[];
  partys: number[];
  tags: number[];
}

export class VisibleRanges {
  private readonly byAgent = new Map<number, VisibleRange>();

  get(agentid: number): VisibleRange {
    return this.byAgent.get(agentid) ?? { users: [], partys: [ROOT_ID], tags: [] };
  }

  set(agentid: number, range: VisibleRange): void {
    this.byAgent.set(agentid, range);
  }

  clear(): void {
    this.byAgent.clear();
  }

  /** lower-cased userids an app can reach */
  reachable(state: SandboxState, agentid: number): Set<string> {
    const range = this.get(agentid);
    const out = new Set<string>();
    for (const id of range.users) if (state.getUser(id)) out.add(id.toLowerCase());
    for (const p of range.partys) for (const u of state.membersOf(p, true)) out.add(u.userid.toLowerCase());
    for (const t of range.tags) {
      const tag = state.tags.get(t);
      if (!tag) continue;
      for (const k of tag.users) out.add(k);
      for (const p of tag.parties) for (const u of state.membersOf(p, true)) out.add(u.userid.toLowerCase());
    }
    return out;
  }

  /** a department is visible when it lies inside one of the range's departments */
  departmentVisible(state: SandboxState, agentid: number, deptId: number): boolean {
    return this.get(agentid).partys.some((p) => state.isSelfOrDescendant(deptId, p));
  }
}
