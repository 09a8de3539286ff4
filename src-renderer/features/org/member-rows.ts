import type { Member, MemberIndexRow, PendingState } from '../../../src-main/contract';
import type { DeptTree } from './dept-tree-model';

/**
 * What the member table shows: a department's members (full records), everyone beneath a
 * department or search hits (rows of the in-memory index). Fields missing from index rows (手机)
 * are read for the visible rows only.
 */
export type MemberRow = Pick<MemberIndexRow, 'userid' | 'name' | 'position' | 'status'> & {
  departmentIds?: readonly number[];
  departments?: Member['departments'];
  mobile?: string;
  pending?: PendingState | null | undefined;
};

export function rowDepartmentIds(row: MemberRow): readonly number[] {
  return row.departmentIds ?? row.departments?.map((d) => d.departmentId) ?? [];
}

/** 「心内科、正副主任」: the names of a row's departments, for the 部门 column and its tooltip. */
export function rowDepartmentNames(tree: DeptTree | null, row: MemberRow): string {
  return rowDepartmentIds(row)
    .map((id) => tree?.byId.get(id)?.name ?? `部门 ${id}`)
    .join('、');
}
