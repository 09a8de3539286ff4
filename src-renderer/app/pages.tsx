import { Spin } from 'antd';
import {
  lazy,
  startTransition,
  Suspense,
  useEffect,
  useState,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import type { PageKey } from './nav';

/**
 * Every page is its own chunk, loaded the first time it is shown: the shell paints after only
 * React, the antd parts of the frame and the stores have run, not the code of six pages. A page
 * switch is a transition, so the previous page stays up while the next one's chunk arrives.
 */
const pageComponents: Record<PageKey, LazyExoticComponent<ComponentType>> = {
  org: lazy(() => import('../features/org/OrgPage').then((m) => ({ default: m.OrgPage }))),
  rules: lazy(() => import('../features/rules/RulesPage').then((m) => ({ default: m.RulesPage }))),
  tags: lazy(() => import('../features/tags/TagsPage').then((m) => ({ default: m.TagsPage }))),
  activation: lazy(() =>
    import('../features/activation/ActivationPage').then((m) => ({ default: m.ActivationPage })),
  ),
  notices: lazy(() => import('../features/notices/NoticesPage').then((m) => ({ default: m.NoticesPage }))),
  audit: lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
  settings: lazy(() =>
    import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  ),
};

/**
 * False until the shell has painted once. The first paint is the frame alone (header, menu, a
 * spinner): a page such as 通讯录 mounts its tree and table only after it, in renders of its own,
 * so no task before the first paint carries a page's mount on a slow PC.
 */
function useShellPainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    // After the next frame (a timeout queued from requestAnimationFrame runs once it has painted).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => (timer = setTimeout(() => startTransition(() => setPainted(true)), 0));
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(done) : null;
    if (frame === null) done();
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}

export function Page({ page }: { page: PageKey }) {
  const shellPainted = useShellPainted();
  const Component = pageComponents[page];
  if (!shellPainted) return <Spin className="page-loading" data-testid="page-loading" />;
  return (
    <Suspense fallback={<Spin className="page-loading" data-testid="page-loading" />}>
      <Component />
    </Suspense>
  );
}

const ChangesBarChunk = lazy(() =>
  import('../features/org-changes/ChangesBar').then((m) => ({ default: m.ChangesBar })),
);

/** The header's pending-changes bar with its list, diff and push dialogs: a chunk of its own too. */
export function ChangesBar() {
  if (!useShellPainted()) return null;
  return (
    <Suspense fallback={null}>
      <ChangesBarChunk />
    </Suspense>
  );
}
