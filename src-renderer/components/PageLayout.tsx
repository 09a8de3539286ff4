import { Alert, Button, Empty, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../src-main/contract';
import { describeError } from '../i18n/error-messages.zh-CN';
import { t } from '../i18n/zh-CN';
import { failureTitle } from './use-report-error';
import './page-layout.css';

export interface PageError {
  /** What failed, as in 「读取规则失败：…」. */
  what: string;
  error: AppErrorShape;
  onRetry?: () => void;
}

export interface PageLayoutProps {
  title: ReactNode;
  testId: string;
  className?: string;
  /** Beside the title (a mode tag, a count). */
  badge?: ReactNode;
  /** The page's actions, right of the title. */
  extra?: ReactNode;
  description?: ReactNode;
  /** A failed load: what failed, the Chinese explanation and the fix, a retry when given. */
  error?: PageError | null;
  /** Nothing to show yet: a spinner instead of the content. */
  loading?: boolean;
  /** Loaded but nothing there: this instead of the content. */
  empty?: { description: ReactNode; children?: ReactNode } | null;
  children?: ReactNode;
}

/** The frame of every page: title and actions, an explanation, the load error, loading and empty states. */
export function PageLayout(props: PageLayoutProps) {
  const { error, empty } = props;
  let body: ReactNode = props.children;
  if (props.loading) body = <Spin className="page-loading" />;
  else if (empty) body = <Empty description={empty.description}>{empty.children}</Empty>;
  return (
    <div
      className={props.className ? `page-layout ${props.className}` : 'page-layout'}
      data-testid={props.testId}
    >
      <div className="page-head">
        <div className="page-head-title">
          <Typography.Title level={2} className="page-title">
            {props.title}
          </Typography.Title>
          {props.badge}
        </div>
        {props.extra ? <Space wrap>{props.extra}</Space> : null}
      </div>
      {props.description ? (
        <Typography.Paragraph type="secondary" className="page-description">
          {props.description}
        </Typography.Paragraph>
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="page-error"
          title={failureTitle(error.what, error.error)}
          description={describeError(error.error).detail}
          action={
            error.onRetry ? (
              <Button size="small" onClick={error.onRetry}>
                {t.shell.retry}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {body}
    </div>
  );
}
