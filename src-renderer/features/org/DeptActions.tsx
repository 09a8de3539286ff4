import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DeptName } from '../../../src-main/contract';
import { useOrgStore, useServices } from '../../app/services-context';
import { DeptPickerModal } from './DeptPicker';
import {
  allocateNegativeId,
  canDropDepts,
  computeReorderOps,
  deptPath,
  isPinned,
  isSelfOrDescendant,
  moveStepOps,
} from './edit-ops';
import { checkWith } from './member-editor/member-form';
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
}

const noop = () => {};
const DeptActionsContext = createContext<DeptActions>({
  newChild: noop,
  rename: noop,
  remove: noop,
  moveTo: noop,
  moveStep: async () => {},
  drop: async () => {},
});

export const useDeptActions = (): DeptActions => useContext(DeptActionsContext);

type NameDialog = { mode: 'create'; parentId: number } | { mode: 'rename'; id: number } | null;

export function DeptActionsProvider({ children }: { children: ReactNode }) {
  const { org } = useServices();
  const tree = useOrgStore((s) => s.tree);
  const stage = useStage();
  const { message, modal } = AntApp.useApp();
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);
  const [moving, setMoving] = useState<number | null>(null);

  const nameOf = useCallback((id: number) => tree?.byId.get(id)?.name ?? `部门 ${id}`, [tree]);

  const drop = useCallback(
    async (ids: number[], parentId: number, index?: number) => {
      const model = org.getState().tree;
      if (!model) return;
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
    [org, message, stage],
  );

  const actions = useMemo<DeptActions>(
    () => ({
      newChild: (parentId) => {
        const parent = org.getState().tree?.byId.get(parentId);
        if (parent?.pending === 'deleted') {
          void message.warning(`「${parent.name}」已标记删除，不能再新建下级部门`);
          return;
        }
        setNameDialog({ mode: 'create', parentId });
      },
      rename: (id) => {
        const d = org.getState().tree?.byId.get(id);
        if (!d) return;
        if (d.pending === 'deleted') {
          void message.warning(`「${d.name}」已标记删除`);
          return;
        }
        if (isPinned(d)) {
          // F2 reaches here without the disabled toolbar button: say why instead of opening a doomed dialog.
          void message.warning(`「${d.name}」是固定的六大组别之一，不能改名`);
          return;
        }
        setNameDialog({ mode: 'rename', id });
      },
      remove: (id) => {
        const model = org.getState().tree;
        const d = model?.byId.get(id);
        if (!model || !d) return;
        if (isPinned(d) || !model.byId.has(d.parentid)) {
          void message.warning(`「${d.name}」是固定分组或最顶层部门，不能删除`);
          return;
        }
        // A confirm dialog rather than Popconfirm: this is also reached from hotkeys and menus.
        modal.confirm({
          title: `删除部门「${d.name}」？`,
          content: '推送前都可以撤销。企业微信只允许删除没有成员和下级部门的部门。',
          okText: '删除',
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
        if (!model || !d) return;
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
    }),
    [org, message, modal, stage, drop],
  );

  const isMoveTargetDisabled = useCallback(
    (target: number) => moving === null || !tree || isSelfOrDescendant(tree, moving, target),
    [moving, tree],
  );

  return (
    <DeptActionsContext.Provider value={actions}>
      {children}
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

function DeptNameDialog(props: {
  dialog: NameDialog;
  currentName: string;
  parentPath: string;
  onCancel: () => void;
  onSubmit: (name: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const creating = props.dialog?.mode === 'create';
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || saving) return;
    setSaving(true);
    const ok = await props.onSubmit(values.name.trim());
    setSaving(false);
    if (ok) props.onCancel();
  };
  return (
    <Modal
      open={props.dialog !== null}
      title={creating ? '新建子部门' : '重命名部门'}
      okText={creating ? '新建' : '保存'}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      onCancel={props.onCancel}
      onOk={() => void submit()}
    >
      {creating ? (
        <Typography.Paragraph type="secondary">上级部门：{props.parentPath}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ name: creating ? '' : props.currentName }}>
        <Form.Item
          name="name"
          label="部门名称"
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const msg = checkWith(DeptName, v ?? '');
                return msg ? Promise.reject(new Error(msg)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoFocus aria-label="部门名称" onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
