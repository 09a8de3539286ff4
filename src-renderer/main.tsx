/**
 * The entry is tiny on purpose. Evaluating the stores, React DOM and antd's frame as one module
 * graph is one task of well over 100 ms on a slow PC before anything paints; loaded as three
 * dynamic imports with a yield between them, each stage is a task of its own and the browser can
 * paint and handle input in between. The stores come first so the connection to main opens early.
 */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  const { bootServices } = await import('./app/boot-services');
  const services = bootServices();
  await yieldToBrowser();
  await import('react-dom/client');
  await yieldToBrowser();
  const { renderApp } = await import('./app/boot-render');
  renderApp(container, services);
}

void boot();
