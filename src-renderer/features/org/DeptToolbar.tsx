import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  EllipsisOutlined,
  MinusSquareOutlined,
  PlusOutlined,
  PlusSquareOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip, type MenuProps } from 'antd';
import { useOrgStore, useServices } from '../../app/services-context';
import { useDeptActions, type DeptActions } from './DeptActions';
import type { DeptTree } from './dept-tree-model';
import { isPinned } from './edit-ops';

/** The same actions for the context menu and the 「…」 button; the shortcut is shown as a hint. */
export function deptMenuItems(tree: DeptTree | null, id: number): NonNullable<MenuProps['items']> {
  const d = tree?.byId.get(id);
  const fixed = !d || isPinned(d) || !tree?.byId.has(d.parentid);
  const deleted = d?.pending === 'deleted';
  return [
    { key: 'newChild', label: '新建子部门', extra: 'Insert', disabled: deleted },
    // The six top groups keep their names (WeCom-side too, everything hangs off them).
    { key: 'rename', label: '重命名', extra: 'F2', disabled: deleted || !d || isPinned(d) },
    { key: 'moveTo', label: '移动到…', disabled: fixed || deleted },
    { key: 'up', label: '上移', extra: 'Alt+↑', disabled: fixed || deleted },
    { key: 'down', label: '下移', extra: 'Alt+↓', disabled: fixed || deleted },
    { type: 'divider' },
    { key: 'delete', label: '删除', extra: 'Del', danger: true, disabled: fixed || deleted },
  ];
}

export function DeptToolbar() {
  const actions = useDeptActions();
  const tree = useOrgStore((s) => s.tree);
  const id = useOrgStore((s) => s.selectedDeptId);
  const d = id === null ? undefined : tree?.byId.get(id);
  const fixed = !d || isPinned(d) || !tree?.byId.has(d.parentid);
  const deleted = d?.pending === 'deleted';
  const none = id === null;
  const { org } = useServices();
  const expandAll = () => {
    if (!tree) return;
    const ids: string[] = [];
    for (const [parent, kids] of tree.children) if (kids.length > 0) ids.push(String(parent));
    org.getState().setExpanded(ids);
  };
  const collapseAll = () => org.getState().setExpanded(tree ? tree.roots.map(String) : []);
  return (
    <div className="dept-toolbar" data-testid="dept-toolbar">
      <Space size={2}>
        <Tooltip title="新建子部门（Insert）">
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            aria-label="新建子部门"
            disabled={none || deleted}
            onClick={() => id !== null && actions.newChild(id)}
          />
        </Tooltip>
        <Tooltip title="重命名（F2）">
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label="重命名"
            disabled={none || deleted || !d || isPinned(d)}
            onClick={() => id !== null && actions.rename(id)}
          />
        </Tooltip>
        <Tooltip title="上移（Alt+↑）">
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label="上移"
            disabled={fixed || deleted}
            onClick={() => id !== null && void actions.moveStep(id, -1)}
          />
        </Tooltip>
        <Tooltip title="下移（Alt+↓）">
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label="下移"
            disabled={fixed || deleted}
            onClick={() => id !== null && void actions.moveStep(id, 1)}
          />
        </Tooltip>
        <Tooltip title="删除部门（Del）">
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除部门"
            disabled={fixed || deleted}
            onClick={() => id !== null && actions.remove(id)}
          />
        </Tooltip>
        <Dropdown
          disabled={none}
          trigger={['click']}
          menu={{
            items: id === null ? [] : deptMenuItems(tree, id),
            onClick: ({ key }) => id !== null && runMenuAction(actions, key, id),
          }}
        >
          <Button size="small" type="text" icon={<EllipsisOutlined />} aria-label="更多部门操作" />
        </Dropdown>
        <Tooltip title="全部展开">
          <Button
            size="small"
            type="text"
            icon={<PlusSquareOutlined />}
            aria-label="全部展开"
            onClick={expandAll}
          />
        </Tooltip>
        <Tooltip title="全部折叠">
          <Button
            size="small"
            type="text"
            icon={<MinusSquareOutlined />}
            aria-label="全部折叠"
            onClick={collapseAll}
          />
        </Tooltip>
      </Space>
      <span className="dept-toolbar-name" title={d?.name}>
        {d?.name ?? ''}
      </span>
    </div>
  );
}

export function runMenuAction(actions: DeptActions, key: string, id: number): void {
  switch (key) {
    case 'newChild':
      actions.newChild(id);
      break;
    case 'rename':
      actions.rename(id);
      break;
    case 'moveTo':
      actions.moveTo(id);
      break;
    case 'up':
      void actions.moveStep(id, -1);
      break;
    case 'down':
      void actions.moveStep(id, 1);
      break;
    case 'delete':
      actions.remove(id);
      break;
  }
}
