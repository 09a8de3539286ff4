import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, Typography } from 'antd';
import type { ConnectionCheck } from '../../../src-main/contract';
import { t } from '../../i18n/zh-CN';
import { checkFailureText } from './check-text';

export function ConnectionResults({ checks }: { checks: ConnectionCheck[] }) {
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{t.settings.testTitle}</Typography.Text>}
      dataSource={checks}
      data-testid="connection-results"
      rowKey={(c) => c.target}
      renderItem={(check) => {
        if (check.ok) {
          return (
            <List.Item data-testid={`check-${check.target}`}>
              <Typography.Text>
                <CheckCircleFilled style={{ color: '#52c41a' }} /> {check.label}：{t.settings.testOk}
              </Typography.Text>
            </List.Item>
          );
        }
        const text = checkFailureText(check);
        return (
          <List.Item data-testid={`check-${check.target}`}>
            <div>
              <Typography.Text type="danger">
                <CloseCircleFilled /> {check.label}：✗ {text.title}
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
