/**
 * Setup for component tests (files marked `// @vitest-environment jsdom`). Loaded for every test
 * file; it does nothing under the node environment.
 */
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
  // Testing Library sets this itself only when the test globals are on (they are off here).
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

  // antd's ids are the fixed 'test-id' under NODE_ENV=test, so two open popups share one id and a
  // dialog's aria-labelledby names it after the wrong element. Real ids, as in the app.
  process.env.NODE_ENV = 'development';

  // What antd asks of the browser that jsdom does not have.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
