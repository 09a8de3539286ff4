import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, Typography } from 'antd';
import type { ConnectionCheck } from '../../../src-main/contract';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t } from '../../i18n/zh-CN';

/** The Chinese line for one failed check; the IP WeCom saw goes into the 60020 text. */
export function checkFailureText(check: ConnectionCheck): { title: string; detail: string } {
  const details: Record<string, unknown> = {};
  if (check.ip) details.ip = check.ip;
  if (check.errcode !== null) details.errcode = check.errcode;
  return describeError({ code: check.code ?? 'INTERNAL', details });
}

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
