import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { createServices, type Services } from '../app/services';
import { ServicesContext } from '../app/services-context';
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api';

export interface RenderedApp extends RenderResult {
  api: FakeApi;
  services: Services;
}

/**
 * Renders UI the way App.tsx does (antd's zh-CN locale and App context, the services), over the real
 * stores and a contract-typed fake api. Unhandled procedures answer NOT_FOUND.
 */
export function renderWithServices(ui: ReactNode, handlers: FakeHandlers = {}): RenderedApp {
  const api = createFakeApi(handlers);
  const services = createServices(api);
  const result = render(
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>
      </AntApp>
    </ConfigProvider>,
  );
  return { ...result, api, services };
}
