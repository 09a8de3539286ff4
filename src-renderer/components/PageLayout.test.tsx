// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AppErrorShape } from '../../src-main/contract';
import { renderWithServices as render } from '../test-support/render-app';
import { PageLayout } from './PageLayout';

const network: AppErrorShape = { code: 'NETWORK', message: 'x', retryable: true, correlationId: 'c1' };

describe('PageLayout', () => {
  it('shows the title, actions and content', () => {
    render(
      <PageLayout title="标签" testId="tags-page" extra={<button>新建标签</button>}>
        <p>内容</p>
      </PageLayout>,
    );
    const page = screen.getByTestId('tags-page');
    expect(within(page).getByRole('heading', { level: 2 }).textContent).toBe('标签');
    expect(within(page).getByText('新建标签')).toBeTruthy();
    expect(within(page).getByText('内容')).toBeTruthy();
    expect(within(page).queryByTestId('page-error')).toBeNull();
  });

  it('a load error says what failed, why in Chinese, and offers a retry', () => {
    const retry = vi.fn();
    render(
      <PageLayout title="分组规则" testId="p" error={{ what: '读取规则', error: network, onRetry: retry }}>
        <p>内容</p>
      </PageLayout>,
    );
    const alert = screen.getByTestId('page-error');
    expect(alert.textContent).toContain('读取规则失败：无法连接企业微信（网络不通）');
    fireEvent.click(within(alert).getByText('重试'));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('loading and empty states stand in for the content', () => {
    render(
      <PageLayout title="x" testId="loading" loading>
        <p>内容</p>
      </PageLayout>,
    );
    expect(screen.queryByText('内容')).toBeNull();
    expect(screen.getByTestId('loading').querySelector('.ant-spin')).not.toBeNull();
    render(
      <PageLayout title="x" testId="empty" empty={{ description: '还没有分组规则' }}>
        <p>内容</p>
      </PageLayout>,
    );
    expect(screen.queryByText('内容')).toBeNull();
    expect(screen.getByText('还没有分组规则')).toBeTruthy();
  });
});
