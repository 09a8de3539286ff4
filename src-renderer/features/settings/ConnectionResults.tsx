import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, Typography } from 'antd';
import type { ConnectionCheck } from '../../../src-main/contract';
import { tConnectionTest } from '../../i18n/zh-CN';
import { checkFailureText } from './check-text';

/** One line per secret tested; the header says whether it was the saved configuration or the form's. */
export function ConnectionResults({
  checks,
  tested,
}: {
  checks: ConnectionCheck[];
  tested: { corpId: string; saved: boolean } | null;
}) {
  const unsaved = tested !== null && !tested.saved;
  return (
    <List
      size="small"
      bordered
      header={
        <div>
          <Typography.Text strong>
            {unsaved ? tConnectionTest.draftTitle(tested.corpId) : tConnectionTest.savedTitle}
          </Typography.Text>
          {unsaved ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="draft-hint">
              {tConnectionTest.draftHint}
            </Typography.Paragraph>
          ) : null}
        </div>
      }
      dataSource={checks}
      data-testid="connection-results"
      rowKey={(c) => c.target}
      renderItem={(check) => {
        if (check.ok) {
          return (
            <List.Item data-testid={`check-${check.target}`}>
              <Typography.Text>
                <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden /> {check.label}：
                {tConnectionTest.ok}
              </Typography.Text>
            </List.Item>
          );
        }
        const text = checkFailureText(check);
        return (
          <List.Item data-testid={`check-${check.target}`}>
            <div>
              <Typography.Text type="danger">
                <CloseCircleFilled aria-hidden /> {check.label}：{text.title}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {text.detail}
              </Typography.Paragraph>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
