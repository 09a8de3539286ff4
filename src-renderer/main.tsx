// First import on purpose: configures zod before the contract's schemas are touched.
import './zod-setup';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createServices } from './app/services';
import { getApi } from './bridge';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

const services = createServices(getApi());
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
