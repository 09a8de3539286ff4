import {
  ApartmentOutlined,
  CheckCircleOutlined,
  HistoryOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { startTransition, useCallback, useState } from 'react';
import { ActivationPage } from '../features/activation/ActivationPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangesBar } from '../features/org-changes/ChangesBar';
import { OrgPage } from '../features/org/OrgPage';
import { RulesPage } from '../features/rules/RulesPage';
import { TagsPage } from '../features/tags/TagsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { t } from '../i18n/zh-CN';
import { ConnectivityTag } from './ConnectivityTag';
import { DemoBanner } from './DemoBanner';
import { NavigateContext, type PageKey } from './nav';
import './app.css';

const menuItems = [
  { key: 'org', icon: <TeamOutlined />, label: t.nav.org },
  { key: 'rules', icon: <ApartmentOutlined />, label: t.nav.rules },
  { key: 'tags', icon: <TagsOutlined />, label: t.nav.tags },
  { key: 'activation', icon: <CheckCircleOutlined />, label: t.nav.activation },
  { key: 'audit', icon: <HistoryOutlined />, label: t.nav.audit },
  { key: 'settings', icon: <SettingOutlined />, label: t.nav.settings },
];

export function AppShell() {
  const [page, setPage] = useState<PageKey>('org');
  // A page switch renders as a transition: React yields between components, so mounting a page
  // full of antd widgets (and their styles) never blocks input as one long task.
  const navigate = useCallback((next: PageKey) => startTransition(() => setPage(next)), []);

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
          <Layout.Sider theme="light" width={168} className="shell-sider" data-testid="app-nav">
            <nav aria-label={t.nav.label}>
              <Menu
                mode="inline"
                selectedKeys={[page]}
                items={menuItems}
                onClick={({ key }) => navigate(key as PageKey)}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content className="shell-content">
            <DemoBanner />
            <main className="shell-main" data-testid={`page-${page}`}>
              {page === 'org' ? (
                <OrgPage />
              ) : page === 'rules' ? (
                <RulesPage />
              ) : page === 'tags' ? (
                <TagsPage />
              ) : page === 'activation' ? (
                <ActivationPage />
              ) : page === 'audit' ? (
                <AuditPage />
              ) : (
                <SettingsPage />
              )}
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </NavigateContext.Provider>
  );
}
