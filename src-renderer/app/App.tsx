import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { syncIfEmpty } from '../stores/first-sync';
import { AppShell } from './AppShell';
import type { Services } from './services';
import { ServicesContext } from './services-context';

export function App({ services }: { services: Services }) {
  useEffect(() => {
    void services.app.getState().refreshStatus();
    // An empty cache fills itself: a newcomer first sees the hospital, not a 「同步」 button.
    void syncIfEmpty(services.org);
    void services.settings.getState().load();
  }, [services]);

  // No auto space in two-character button labels: 「保存」 must stay 「保存」 for users and tests.
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { borderRadius: 4 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ServicesContext.Provider value={services}>
          <AppShell />
        </ServicesContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
