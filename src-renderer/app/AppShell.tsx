import {
  ApartmentOutlined,
  CheckCircleOutlined,
  HistoryOutlined,
  NotificationOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip, Typography } from 'antd';
import { startTransition, useCallback, useState } from 'react';
import { t } from '../i18n/zh-CN';
import { ConnectivityTag } from './ConnectivityTag';
import { DemoBanner } from './DemoBanner';
import { NavigateContext, type PageKey } from './nav';
import { ChangesBar, Page } from './pages';
import { useSiderCollapsed } from './sider-state';
import './app.css';

const menuItems = [
  { key: 'org', icon: <TeamOutlined />, label: t.nav.org },
  { key: 'rules', icon: <ApartmentOutlined />, label: t.nav.rules },
  { key: 'tags', icon: <TagsOutlined />, label: t.nav.tags },
  { key: 'activation', icon: <CheckCircleOutlined />, label: t.nav.activation },
  { key: 'notices', icon: <NotificationOutlined />, label: t.nav.notices },
  { key: 'audit', icon: <HistoryOutlined />, label: t.nav.audit },
  { key: 'settings', icon: <SettingOutlined />, label: t.nav.settings },
];

export function AppShell() {
  const [page, setPage] = useState<PageKey>('org');
  // A page switch renders as a transition: React yields between components, so mounting a page
  // full of antd widgets (and their styles) never blocks input as one long task.
  const navigate = useCallback((next: PageKey) => startTransition(() => setPage(next)), []);
  const [collapsed, setCollapsed] = useSiderCollapsed();
  const toggleLabel = collapsed ? t.sider.expand : t.sider.collapse;

  return (
    <NavigateContext.Provider value={navigate}>
      <Layout className="shell" data-testid="app-shell">
        <Layout.Header className="shell-header" data-testid="app-header">
          <Typography.Title level={1} className="shell-title">
            {t.appName}
          </Typography.Title>
          <div className="shell-header-right">
            <ChangesBar />
            <ConnectivityTag />
          </div>
        </Layout.Header>
        <Layout className="shell-body">
          {/* Own toggle instead of antd's trigger strip: a real button, reachable with Tab. */}
          <Layout.Sider
            theme="light"
            width={168}
            collapsedWidth={56}
            collapsible
            collapsed={collapsed}
            trigger={null}
            className="shell-sider"
            data-testid="app-nav"
          >
            <nav aria-label={t.nav.label} className="shell-nav">
              <Menu
                mode="inline"
                inlineCollapsed={collapsed}
                selectedKeys={[page]}
                items={menuItems}
                onClick={({ key }) => navigate(key as PageKey)}
              />
            </nav>
            <div className="shell-sider-foot">
              <Tooltip title={collapsed ? toggleLabel : undefined} placement="right">
                <Button
                  type="text"
                  aria-label={toggleLabel}
                  aria-expanded={!collapsed}
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  onClick={() => setCollapsed(!collapsed)}
                  data-testid="sider-toggle"
                >
                  {collapsed ? null : toggleLabel}
                </Button>
              </Tooltip>
            </div>
          </Layout.Sider>
          <Layout.Content className="shell-content">
            <DemoBanner />
            <main className="shell-main" data-testid={`page-${page}`}>
              <Page page={page} />
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </NavigateContext.Provider>
  );
}
