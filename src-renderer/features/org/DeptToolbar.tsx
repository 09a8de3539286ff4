import {
  EllipsisOutlined,
  MinusSquareOutlined,
  PlusSquareOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip } from 'antd';
import { useOrgStore, useServices } from '../../app/services-context';
import { useDeptActions } from './DeptActions';
import { commandTitle, deptCommands, deptMenuItems, runDeptCommand } from './dept-commands';

/** The department commands as buttons (a disabled one says why in its tooltip), the 「…」 menu, expand/collapse. */
export function DeptToolbar() {
  const actions = useDeptActions();
  const tree = useOrgStore((s) => s.tree);
  const id = useOrgStore((s) => s.selectedDeptId);
  const d = id === null ? undefined : tree?.byId.get(id);
  const ctx = { tree, id };
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
        {deptCommands
          .filter((c) => c.toolbar)
          .map((c) => {
            const reason = c.disabledReason(ctx);
            const Icon = c.icon;
            return (
              <Tooltip key={c.key} title={reason ? `${commandTitle(c)}：${reason}` : commandTitle(c)}>
                <Button
                  size="small"
                  type="text"
                  danger={c.danger}
                  icon={<Icon />}
                  aria-label={c.label}
                  disabled={reason !== null}
                  onClick={() => id !== null && c.run(actions, id)}
                />
              </Tooltip>
            );
          })}
        <Dropdown
          disabled={id === null}
          trigger={['click']}
          menu={{
            items: id === null ? [] : deptMenuItems(ctx),
            onClick: ({ key }) => id !== null && runDeptCommand(actions, key, id),
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
        <Tooltip title="键盘快捷键（?）">
          <Button
            size="small"
            type="text"
            icon={<QuestionCircleOutlined />}
            aria-label="键盘快捷键"
            onClick={actions.showLegend}
          />
        </Tooltip>
      </Space>
      <span className="dept-toolbar-name" title={d?.name}>
        {d?.name ?? ''}
      </span>
    </div>
  );
}
