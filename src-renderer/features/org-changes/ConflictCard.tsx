import { Button, Space, Table, Typography } from 'antd';
import type { Conflict } from '../../../src-main/contract';
import { entityText } from './push-text';

/** One entity changed in WeCom and here since the last sync: base, mine and theirs side by side. */
export function ConflictCard({
  conflict,
  onResolve,
}: {
  conflict: Conflict;
  onResolve: (keep: 'mine' | 'theirs') => void;
}) {
  const fields = [
    ...new Set([
      ...Object.keys(conflict.base ?? {}),
      ...Object.keys(conflict.mine ?? {}),
      ...Object.keys(conflict.theirs ?? {}),
    ]),
  ];
  const cell = (side: Record<string, string> | null, f: string) =>
    side === null ? '（不存在）' : (side[f] ?? '');
  const rows = fields.map((f) => ({
    field: f,
    base: cell(conflict.base, f),
    mine: cell(conflict.mine, f),
    theirs: cell(conflict.theirs, f),
  }));
  return (
    <div className="conflict-card" data-testid={`conflict-${conflict.changeId}`}>
      <Typography.Text strong>
        {entityText[conflict.entity]}：{conflict.title}
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={rows}
        rowClassName={(r) => (r.mine !== r.theirs ? 'conflict-diff-row' : '')}
        columns={[
          { key: 'field', dataIndex: 'field', title: '字段', width: 110 },
          { key: 'base', dataIndex: 'base', title: '修改前' },
          { key: 'mine', dataIndex: 'mine', title: '我的修改' },
          { key: 'theirs', dataIndex: 'theirs', title: '企业微信现在' },
        ]}
      />
      <Space className="conflict-actions">
        <Button type="primary" onClick={() => onResolve('mine')}>
          保留我的修改
        </Button>
        <Button onClick={() => onResolve('theirs')}>采用企业微信的版本</Button>
      </Space>
    </div>
  );
}
