import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { useOrgStore, useServices } from '../../app/services-context';
import { t } from '../../i18n/zh-CN';
import { memberCommands, type MemberActions } from './member-commands';
import type { MemberRow } from './member-rows';
import type { MemberList } from './use-member-rows';

/** The heading over the table: what is listed and how many. */
function useHeading(list: MemberList): string {
  const indexPending = useOrgStore((s) => s.index === null && s.query.trim() !== '');
  const search = useOrgStore((s) => s.search);
  const selectedName = useOrgStore((s) =>
    s.selectedDeptId === null ? undefined : s.tree?.byId.get(s.selectedDeptId)?.name,
  );
  if (indexPending) return '正在载入成员索引，载入后即显示搜索结果…';
  if (list.mode === 'search' && search) return t.org.searchHeader(search.total, search.hits.length);
  if (selectedName === undefined) return t.org.pickDepartment;
  if (list.mode === 'beneath')
    return list.loading
      ? `${selectedName}（正在统计含下级部门的成员…）`
      : `${selectedName}（含下级部门，共 ${list.rows.length} 人）`;
  return t.org.deptHeader(selectedName, list.rows.length);
}

/** Search box, 新建成员, the heading and the selection bar (drawn from member-commands.ts). */
export function MemberToolbar({
  list,
  selectedRows,
  actions,
  onNew,
  onClearSelection,
}: {
  list: MemberList;
  selectedRows: readonly MemberRow[];
  actions: MemberActions;
  onNew: () => void;
  onClearSelection: () => void;
}) {
  const { org } = useServices();
  const query = useOrgStore((s) => s.query);
  // A jump from a result keeps the query: one click (or Enter) brings the results back.
  const canReturn = useOrgStore((s) => s.search === null && s.query.trim() !== '' && s.index !== null);
  const heading = useHeading(list);
  const ctx = { rows: selectedRows };
  return (
    <>
      <div className="member-topbar">
        <Input.Search
          allowClear
          value={query}
          placeholder={t.org.searchPlaceholder}
          aria-label={t.org.searchLabel}
          data-testid="member-search"
          onChange={(e) => org.getState().setQuery(e.target.value)}
          onSearch={(value) => org.getState().setQuery(value)}
        />
        <Button icon={<PlusOutlined />} onClick={onNew}>
          新建成员
        </Button>
      </div>
      <div className="member-heading-line">
        <Typography.Text strong className="member-heading" data-testid="member-heading">
          {heading}
        </Typography.Text>
        {canReturn ? (
          <Button type="link" size="small" onClick={() => org.getState().setQuery(query)}>
            返回搜索结果「{query}」
          </Button>
        ) : null}
      </div>
      {selectedRows.length > 0 ? (
        <div className="member-selection-bar" data-testid="member-selection">
          <Typography.Text>已选 {selectedRows.length} 人</Typography.Text>
          <Space wrap size={4}>
            {memberCommands
              .filter((c) => c.bar)
              .map((c) => {
                const reason = c.disabledReason(ctx);
                return (
                  <Tooltip
                    key={c.key}
                    title={reason ?? (c.shortcut ? `${c.label}（${c.shortcut.label}）` : undefined)}
                  >
                    <Button
                      size="small"
                      danger={c.danger}
                      disabled={reason !== null}
                      onClick={() => c.run(actions, ctx)}
                    >
                      {c.label}
                    </Button>
                  </Tooltip>
                );
              })}
            <Button size="small" type="text" onClick={onClearSelection}>
              取消选择
            </Button>
          </Space>
        </div>
      ) : (
        <Typography.Text type="secondary" className="member-hint">
          提示：Ctrl 或 Shift 点击可多选，右键或 Del
          操作所选成员，双击查看详情；把成员拖到左侧部门上即可移动，拖动时按住 Ctrl
          改为加入。按「?」查看全部快捷键。
        </Typography.Text>
      )}
    </>
  );
}
