import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
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
  audit: lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
  settings: lazy(() =>
    import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  ),
};

export function Page({ page }: { page: PageKey }) {
  const Component = pageComponents[page];
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
  return (
    <Suspense fallback={null}>
      <ChangesBarChunk />
    </Suspense>
  );
}
