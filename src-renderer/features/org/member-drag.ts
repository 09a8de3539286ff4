import { App as AntApp } from 'antd';
import { useCallback, type DragEvent as ReactDragEvent } from 'react';
import type { Member } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import type { OrgStore } from './org-store';
import { useServices } from '../../app/services-context';
import { isRuleGroup, ruleGroupRefusal } from './dept-counts';
import { membersLabel, membersMoveOps } from './edit-ops';
import { useRuleGroupNames } from './use-rule-groups';
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
  const ruleNames = useRuleGroupNames();
  return useCallback(
    async (userids, sourceDeptId, targetDeptId, add) => {
      if (userids.length === 0) return false;
      const target = org.getState().tree?.byId.get(targetDeptId);
      if (!target || target.pending === 'deleted') {
        void message.warning('不能放到这个部门');
        return false;
      }
      // The picker and the keyboard reach here too, not only a mouse drop the tree refused.
      if (isRuleGroup(org.getState().tree, target, ruleNames)) {
        void message.warning(ruleGroupRefusal(target.name));
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
    [api, org, stage, message, ruleNames],
  );
}

/** Builds the drag image: a small label like 「移动 3 人」 that follows the mouse. */
function dragImage(text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'member-drag-image';
  el.textContent = text;
  document.body.appendChild(el);
  // The browser snapshots it during dragstart; it can go right after.
  setTimeout(() => el.remove(), 0);
  return el;
}

/**
 * Starts dragging member rows towards the tree: the ids travel in the dataTransfer, the store keeps
 * the drag (source, Ctrl = add) for the tree's drop hint.
 */
export function startMemberDrag(
  org: OrgStore,
  e: ReactDragEvent,
  userids: string[],
  sourceDeptId: number | null,
): void {
  e.dataTransfer.setData(MEMBER_DRAG_MIME, JSON.stringify(userids));
  e.dataTransfer.setData('text/plain', userids.join(','));
  e.dataTransfer.effectAllowed = 'copyMove';
  const add = e.ctrlKey || e.altKey;
  e.dataTransfer.setDragImage(dragImage(`${add ? '加入' : '移动'} ${userids.length} 人`), -12, -8);
  org.getState().setMemberDrag({ userids, sourceDeptId, add });
  // Ctrl/Alt can be pressed or released mid-drag; only drag events carry the modifiers then.
  const onOver = (ev: DragEvent) => {
    const nowAdd = ev.ctrlKey || ev.altKey;
    const cur = org.getState().memberDrag;
    if (cur && cur.add !== nowAdd) org.getState().setMemberDrag({ ...cur, add: nowAdd });
  };
  const onEnd = () => {
    window.removeEventListener('dragover', onOver, true);
    window.removeEventListener('dragend', onEnd, true);
    // Let the tree's drop handler read the drag first.
    setTimeout(() => org.getState().setMemberDrag(null), 0);
  };
  window.addEventListener('dragover', onOver, true);
  window.addEventListener('dragend', onEnd, true);
}
