import { App as AntApp } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useOrgStore, useServices } from '../../app/services-context';
import { DeptPickerModal } from './DeptPicker';
import type { MemberActions } from './member-commands';
import { resolveMembers, useMemberDrop } from './member-drag';
import type { MemberRow } from './member-rows';
import { useStage } from './use-stage';

export interface MemberActionsInput {
  /** The rows the commands act on (the table's selection), in table order. */
  selectedRows: readonly MemberRow[];
  /** The department the rows were listed from; null for search hits and everyone-beneath lists. */
  sourceDeptId: number | null;
  clearSelection(): void;
  openDetail(userid: string): void;
  onEdit(userid: string): void;
}

function namesText(rows: readonly MemberRow[]): string {
  const names = rows.map((r) => r.name);
  return names.length > 10 ? `${names.slice(0, 10).join('、')} 等 ${names.length} 人` : names.join('、');
}

/** The member commands' effects, and the department picker they open. */
export function useMemberActions(input: MemberActionsInput): { actions: MemberActions; dialogs: ReactNode } {
  const { api, org } = useServices();
  const { message, modal } = AntApp.useApp();
  const stage = useStage();
  const dropMembers = useMemberDrop();
  const tree = useOrgStore((s) => s.tree);
  const [picker, setPicker] = useState<'move' | 'add' | null>(null);
  const { selectedRows, sourceDeptId, clearSelection, openDetail, onEdit } = input;
  const count = selectedRows.length;

  const actions = useMemo<MemberActions>(
    () => ({
      detail: openDetail,
      edit: onEdit,
      moveTo: () => setPicker('move'),
      addTo: () => setPicker('add'),
      setEnabled: (enable) => {
        void (async () => {
          const ids = selectedRows.map((r) => r.userid);
          const { members: full } = await resolveMembers(api, org.getState().members, ids);
          const targets = full.filter((m) => (m.status === 2) === enable && m.pending !== 'deleted');
          if (targets.length === 0) {
            void message.info(enable ? '所选成员都已启用' : '所选成员都已停用');
            return;
          }
          await stage(
            `${enable ? '启用' : '停用'}${targets.length > 3 ? ` ${targets.length} 人` : targets.map((m) => `「${m.name}」`).join('、')}`,
            targets.map((m) => ({ type: 'member.update' as const, userid: m.userid, fields: { enable } })),
          );
        })();
      },
      remove: () => {
        const targets = selectedRows.filter((r) => r.pending !== 'deleted');
        if (targets.length === 0) return;
        // A dialog rather than a Popconfirm: Del and the row menu reach it too. 取消 has the focus,
        // so a stray Enter deletes nobody.
        modal.confirm({
          title:
            targets.length === 1 ? `删除成员「${targets[0]!.name}」？` : `删除 ${targets.length} 名成员？`,
          content: (
            <div className="confirm-names">{namesText(targets)}（推送到企业微信时生效，推送前可撤销）</div>
          ),
          okText: '删除',
          okButtonProps: { danger: true },
          cancelText: '取消',
          autoFocusButton: 'cancel',
          onOk: async () => {
            const res = await stage(
              `删除成员${targets.length > 3 ? ` ${targets.length} 人` : targets.map((r) => `「${r.name}」`).join('、')}`,
              targets.map((r) => ({ type: 'member.delete' as const, userid: r.userid })),
            );
            if (res?.ok) clearSelection();
          },
        });
      },
    }),
    [api, org, message, modal, stage, selectedRows, clearSelection, openDetail, onEdit],
  );

  const dialogs = (
    <DeptPickerModal
      open={picker !== null}
      title={picker === 'add' ? '加入部门…' : '移动到…'}
      description={
        picker === 'add'
          ? `把所选 ${count} 人同时加入另一个部门（原部门保留）：`
          : `把所选 ${count} 人移动到：`
      }
      tree={tree}
      okText={picker === 'add' ? '加入' : '移动'}
      onCancel={() => setPicker(null)}
      onOk={(target) => {
        const add = picker === 'add';
        setPicker(null);
        void dropMembers(
          selectedRows.map((r) => r.userid),
          sourceDeptId,
          target,
          add,
        );
      }}
    />
  );
  return { actions, dialogs };
}
