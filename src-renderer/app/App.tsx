import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { AppShell } from './AppShell';
import type { Services } from './services';
import { ServicesContext } from './services-context';

export function App({ services }: { services: Services }) {
  useEffect(() => {
    void services.app.getState().refreshStatus();
    void services.org.getState().load();
    void services.settings.getState().load();
  }, [services]);

  return (
    <ConfigProvider locale={zhCN} theme={{ token: { borderRadius: 4 } }}>
      <AntApp>
        <ServicesContext.Provider value={services}>
          <AppShell />
        </ServicesContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
