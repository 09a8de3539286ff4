import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useOrgStore, useServices } from '../../app/services-context';
import { commandByKey, type DeptCommand } from './dept-commands';
import { DeptNameDialog, type NameDialog } from './DeptNameDialog';
import { DeptPickerModal } from './DeptPicker';
import { ShortcutLegend } from './ShortcutLegend';
import {
  allocateNegativeId,
  canDropDepts,
  computeReorderOps,
  deptPath,
  isPinned,
  isSelfOrDescendant,
  moveStepOps,
} from './edit-ops';
import { isRuleGroup, ruleGroupRefusal } from './dept-counts';
import { useRuleGroupNames } from './use-rule-groups';
import { useStage } from './use-stage';

/** Every department edit, reachable from the toolbar, the context menu, hotkeys and drag and drop. */
export interface DeptActions {
  newChild(parentId: number): void;
  rename(id: number): void;
  remove(id: number): void;
  moveTo(id: number): void;
  moveStep(id: number, delta: -1 | 1): Promise<void>;
  /** Drop (mouse or keyboard DnD): under parentId, at index among its children when given. */
  drop(ids: number[], parentId: number, index?: number): Promise<void>;
  /** The 「?」 shortcut legend. */
  showLegend(): void;
}

const noop = () => {};
const DeptActionsContext = createContext<DeptActions>({
  newChild: noop,
  rename: noop,
  remove: noop,
  moveTo: noop,
  moveStep: async () => {},
  drop: async () => {},
  showLegend: noop,
});

export const useDeptActions = (): DeptActions => useContext(DeptActionsContext);

export function DeptActionsProvider({ children }: { children: ReactNode }) {
  const { org } = useServices();
  const tree = useOrgStore((s) => s.tree);
  const stage = useStage();
  const { message, modal } = AntApp.useApp();
  const ruleNames = useRuleGroupNames();
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);
  const [moving, setMoving] = useState<number | null>(null);
  const [legend, setLegend] = useState(false);

  /** Hotkeys and menus reach an action even when its button is disabled: say why instead. */
  const refused = useCallback(
    (key: DeptCommand['key'], id: number): boolean => {
      const reason = commandByKey(key)?.disabledReason({ tree: org.getState().tree, id }) ?? null;
      if (reason !== null) void message.warning(reason);
      return reason !== null;
    },
    [org, message],
  );

  const nameOf = useCallback((id: number) => tree?.byId.get(id)?.name ?? `部门 ${id}`, [tree]);

  const drop = useCallback(
    async (ids: number[], parentId: number, index?: number) => {
      const model = org.getState().tree;
      if (!model) return;
      const parent = model.byId.get(parentId);
      if (isRuleGroup(model, parent, ruleNames)) {
        void message.warning(ruleGroupRefusal(parent!.name));
        return;
      }
      const check = canDropDepts(model, ids, index === undefined ? { parentId } : { parentId, index });
      if (!check.ok) {
        void message.warning(check.reason);
        return;
      }
      const ops = computeReorderOps(model, ids, parentId, index);
      if (ops.length === 0) {
        void message.info('位置没有变化');
        return;
      }
      const names = ids.map((id) => `「${model.byId.get(id)?.name ?? id}」`).join('、');
      const moved = ids.some((id) => model.byId.get(id)?.parentid !== parentId);
      const label = moved
        ? `移动${names}到「${model.byId.get(parentId)?.name ?? parentId}」`
        : `调整${names}的顺序`;
      await stage(label, ops);
    },
    [org, message, stage, ruleNames],
  );

  const actions = useMemo<DeptActions>(
    () => ({
      newChild: (parentId) => {
        if (!refused('newChild', parentId)) setNameDialog({ mode: 'create', parentId });
      },
      rename: (id) => {
        if (!refused('rename', id)) setNameDialog({ mode: 'rename', id });
      },
      remove: (id) => {
        const d = org.getState().tree?.byId.get(id);
        if (!d || refused('delete', id)) return;
        // A confirm dialog rather than Popconfirm: this is also reached from hotkeys and menus.
        modal.confirm({
          title: `删除部门「${d.name}」？`,
          content: '删除会在推送到企业微信时生效，推送前都可以撤销。',
          okText: '删除',
          // A stray Enter must not delete: the safe choice has the focus.
          autoFocusButton: 'cancel',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: async () => {
            await stage(`删除部门「${d.name}」`, [{ type: 'dept.delete', id }]);
          },
        });
      },
      moveTo: (id) => {
        const model = org.getState().tree;
        const d = model?.byId.get(id);
        if (!model || !d || refused('moveTo', id)) return;
        const check = canDropDepts(model, [id], { parentId: d.parentid });
        if (!check.ok) {
          void message.warning(check.reason);
          return;
        }
        setMoving(id);
      },
      moveStep: async (id, delta) => {
        const model = org.getState().tree;
        if (!model) return;
        const res = moveStepOps(model, id, delta);
        if (!Array.isArray(res)) {
          if (!res.ok) void message.warning(res.reason);
          return;
        }
        await stage(`${delta < 0 ? '上移' : '下移'}「${model.byId.get(id)?.name ?? id}」`, res);
      },
      drop,
      showLegend: () => setLegend(true),
    }),
    [org, message, modal, stage, drop, refused],
  );

  const isMoveTargetDisabled = useCallback(
    (target: number) => moving === null || !tree || isSelfOrDescendant(tree, moving, target),
    [moving, tree],
  );

  return (
    <DeptActionsContext.Provider value={actions}>
      {children}
      <ShortcutLegend open={legend} onClose={() => setLegend(false)} />
      <DeptNameDialog
        dialog={nameDialog}
        currentName={nameDialog?.mode === 'rename' ? nameOf(nameDialog.id) : ''}
        parentPath={nameDialog?.mode === 'create' ? deptPath(tree, nameDialog.parentId) : ''}
        onCancel={() => setNameDialog(null)}
        onSubmit={async (name) => {
          const model = org.getState().tree;
          if (!nameDialog || !model) return false;
          if (nameDialog.mode === 'rename') {
            if (name === nameOf(nameDialog.id)) return true;
            const res = await stage(`把「${nameOf(nameDialog.id)}」改名为「${name}」`, [
              { type: 'dept.update', id: nameDialog.id, name },
            ]);
            return res?.ok ?? false;
          }
          const id = allocateNegativeId([...model.byId.keys()].filter((x) => x < 0));
          // New departments go last among their siblings (WeCom sorts larger order first).
          const siblings = (model.children.get(nameDialog.parentId) ?? [])
            .map((x) => model.byId.get(x)!)
            .filter((x) => !isPinned(x));
          const order = Math.max(0, Math.min(...siblings.map((s) => s.order), 100_000) - 100);
          const res = await stage(`新建部门「${name}」`, [
            { type: 'dept.create', id, name, parentid: nameDialog.parentId, order },
          ]);
          if (res?.ok) {
            const expanded = new Set(org.getState().expandedIds);
            expanded.add(String(nameDialog.parentId));
            org.getState().setExpanded([...expanded]);
          }
          return res?.ok ?? false;
        }}
      />
      <DeptPickerModal
        open={moving !== null}
        title="移动到…"
        description={moving !== null ? `把「${nameOf(moving)}」移动到：` : undefined}
        tree={tree}
        isDisabled={isMoveTargetDisabled}
        okText="移动"
        onCancel={() => setMoving(null)}
        onOk={(target) => {
          const id = moving;
          setMoving(null);
          if (id !== null) void drop([id], target);
        }}
      />
    </DeptActionsContext.Provider>
  );
}
