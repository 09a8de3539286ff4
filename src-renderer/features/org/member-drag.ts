import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import type { Member } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import { useServices } from '../../app/services-context';
import { membersLabel, membersMoveOps } from './edit-ops';
import { useStage } from './use-stage';

/** dataTransfer type of a member-row drag; the value is a JSON array of userids. */
export const MEMBER_DRAG_MIME = 'application/x-zhb-members';

/**
 * Full member records for userids: the shown department's members first, then org.getMember for
 * the rest (search hits only carry department ids, not order and leader flags).
 */
export async function resolveMembers(
  api: Api,
  known: readonly Member[],
  userids: readonly string[],
): Promise<{ members: Member[]; missing: string[] }> {
  const byId = new Map(known.map((m) => [m.userid, m]));
  const members: Member[] = [];
  const missing: string[] = [];
  await Promise.all(
    userids.map(async (u) => {
      const hit = byId.get(u);
      if (hit) return void members.push(hit);
      const res = await api.call('org.getMember', { userid: u });
      if (res.ok && res.value.member) members.push(res.value.member);
      else missing.push(u);
    }),
  );
  const order = new Map(userids.map((u, i) => [u, i]));
  members.sort((a, b) => (order.get(a.userid) ?? 0) - (order.get(b.userid) ?? 0));
  return { members, missing };
}

/** Move (or with add = true, add) members to a department as one undo unit. */
export function useMemberDrop(): (
  userids: string[],
  sourceDeptId: number | null,
  targetDeptId: number,
  add: boolean,
) => Promise<boolean> {
  const { api, org } = useServices();
  const stage = useStage();
  const { message } = AntApp.useApp();
  return useCallback(
    async (userids, sourceDeptId, targetDeptId, add) => {
      if (userids.length === 0) return false;
      const target = org.getState().tree?.byId.get(targetDeptId);
      if (!target || target.pending === 'deleted') {
        void message.warning('不能放到这个部门');
        return false;
      }
      const { members, missing } = await resolveMembers(api, org.getState().members, userids);
      if (missing.length > 0 && members.length === 0) {
        void message.error(`找不到这些成员：${missing.join('、')}`);
        return false;
      }
      const ops = membersMoveOps(members, sourceDeptId, targetDeptId, add);
      if (ops.length === 0) {
        void message.info(add ? '所选成员已经在该部门中' : '所选成员已经在该部门中，没有变化');
        return false;
      }
      const res = await stage(membersLabel(ops.length, target.name, add), ops);
      return res?.ok ?? false;
    },
    [api, org, stage, message],
  );
}
