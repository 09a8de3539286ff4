import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Services } from './services';

dayjs.locale('zh-cn');

/** Boot stage 3: the shell (antd's frame) rendered into #root. */
export function renderApp(container: HTMLElement, services: Services): void {
  const root = createRoot(container);
  // A transition: React renders the shell in slices and yields between them, so the first paint on a
  // slow PC is never one long task.
  startTransition(() =>
    root.render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    ),
  );
}
