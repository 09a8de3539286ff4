import { Card, Empty, Tag, Typography } from 'antd';
import type { RulePreview } from '../../../src-main/contract';

/** What applying a rule would do: each group with its members, who joins and who leaves. */
export function RulePreviewView({ preview }: { preview: RulePreview }) {
  if (preview.groups.length === 0) return <Empty description="没有职务匹配的成员" />;
  return (
    <div className="rule-preview" data-testid="rule-preview">
      <Typography.Text strong>预览：应用后将产生 {preview.ops} 项操作</Typography.Text>
      {preview.groups.map((g) => (
        <Card
          key={`${g.parentId}-${g.name}`}
          size="small"
          className="rule-preview-group"
          title={`${g.parentName} / ${g.name}`}
          extra={g.exists ? <Tag>已存在</Tag> : <Tag color="green">将新建</Tag>}
        >
          <div>
            成员（{g.members.length}）：
            {g.members.map((m) => `${m.name}（${m.position}）`).join('、') || '无'}
          </div>
          {g.adds.length > 0 ? <div className="preview-adds">+ 加入：{g.adds.join('、')}</div> : null}
          {g.removes.length > 0 ? (
            <div className="preview-removes">− 移出：{g.removes.join('、')}</div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
