import { useDeferredValue, useMemo } from 'react';
import { useOrgStore } from '../../app/services-context';
import { membersBeneath } from './dept-counts';
import type { MemberRow } from './member-rows';

export type MemberListMode = 'search' | 'direct' | 'beneath';

export interface MemberList {
  mode: MemberListMode;
  rows: readonly MemberRow[];
  loading: boolean;
}

/**
 * The rows the member table shows. A department with sub-departments (the root, a top group, 内科 …)
 * lists everyone beneath it, from the in-memory index — the same people its tree count covers; a
 * leaf lists its own members with their full records.
 */
export function useMemberList(): MemberList {
  // The box shows every keystroke at once; the table follows in an interruptible render.
  const search = useDeferredValue(useOrgStore((s) => s.search));
  const tree = useOrgStore((s) => s.tree);
  const index = useOrgStore((s) => s.index);
  const selectedId = useOrgStore((s) => s.selectedDeptId);
  const members = useOrgStore((s) => s.members);
  const membersStatus = useOrgStore((s) => s.membersStatus);
  const hasChildren = useOrgStore((s) =>
    s.selectedDeptId === null ? false : (s.tree?.children.get(s.selectedDeptId)?.length ?? 0) > 0,
  );
  const beneath = useMemo(
    () =>
      hasChildren && tree && index && selectedId !== null ? membersBeneath(tree, index, selectedId) : null,
    [hasChildren, tree, index, selectedId],
  );
  if (search !== null) return { mode: 'search', rows: search.hits, loading: false };
  if (hasChildren) return { mode: 'beneath', rows: beneath ?? [], loading: beneath === null };
  return { mode: 'direct', rows: members, loading: membersStatus === 'loading' };
}
