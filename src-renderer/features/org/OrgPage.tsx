import { Alert, Button, Empty, Spin, Typography } from 'antd';
import { useOrgStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t } from '../../i18n/zh-CN';
import { startTransition, useDeferredValue, useEffect, useState } from 'react';
import { DeptActionsProvider } from './DeptActions';
import { DeptToolbar } from './DeptToolbar';
import { DeptTree } from './DeptTree';
import { MemberEditor, type EditorTarget } from './member-editor/MemberEditor';
import { MemberPanel } from './MemberPanel';
import { OrgSplitter, useTreeWidth } from './OrgSplitter';
import { SyncBar } from './SyncBar';
import './org.css';

export function OrgPage() {
  const { org } = useServices();
  const status = useOrgStore((s) => s.status);
  const loadError = useOrgStore((s) => s.loadError);
  const hasDepartments = useOrgStore((s) => (s.tree?.byId.size ?? 0) > 0);
  // Never synced and no failure: the app syncs by itself (first run, a new corp), also in the moment
  // between a finished sync and the reload that shows its data. Only a failure asks for a click.
  const firstSync = useOrgStore(
    (s) => s.sync !== null || s.syncStarting || (!s.syncState?.lastSyncAt && s.syncError === null),
  );
  const [editor, setEditor] = useState<EditorTarget>(null);
  // The tree paints first; the member table (the heaviest antd part) mounts in a later, interruptible
  // render, so opening the page never blocks the main thread as one long task.
  const ready = status === 'ready' && hasDepartments;
  // The tree and its toolbar (the first antd styles of the page) also mount in an interruptible
  // render: a store update renders synchronously, so the data arriving would otherwise mount the whole
  // page in one long task. Until then the spinner stays.
  const showSplit = useDeferredValue(ready, false) && ready;
  const [membersMounted, setMembersMounted] = useState(false);
  const treeWidth = useTreeWidth();
  useEffect(() => {
    if (!showSplit || membersMounted) return;
    const frame = requestAnimationFrame(() => startTransition(() => setMembersMounted(true)));
    return () => cancelAnimationFrame(frame);
  }, [showSplit, membersMounted]);

  let body;
  if (ready && !showSplit) {
    body = <Spin className="org-loading" />;
  } else if (ready) {
    body = (
      <DeptActionsProvider>
        <div className="org-split" ref={treeWidth.splitRef}>
          <aside className="org-tree-panel" data-testid="dept-tree-panel" style={{ width: treeWidth.width }}>
            <DeptToolbar />
            <DeptTree />
          </aside>
          <OrgSplitter
            width={treeWidth.width}
            onResize={treeWidth.set}
            maxWidth={() => treeWidth.splitWidth()}
          />
          {membersMounted ? (
            <MemberPanel onEdit={(userid) => setEditor({ userid })} />
          ) : (
            <section className="member-panel" aria-busy="true" />
          )}
        </div>
        {membersMounted ? <MemberEditor target={editor} onClose={() => setEditor(null)} /> : null}
      </DeptActionsProvider>
    );
  } else if (status === 'ready' && firstSync) {
    // Its progress is in the SyncBar above.
    body = (
      <Empty className="org-empty" data-testid="org-first-sync" description={t.org.firstSync}>
        <Typography.Paragraph type="secondary">{t.org.firstSyncHint}</Typography.Paragraph>
      </Empty>
    );
  } else if (status === 'ready') {
    body = (
      <Empty className="org-empty" data-testid="org-empty" description={t.org.emptyCache}>
        <Typography.Paragraph type="secondary">{t.org.emptyCacheHint}</Typography.Paragraph>
        <Button type="primary" onClick={() => void org.getState().startSync()}>
          {t.org.syncNow}
        </Button>
      </Empty>
    );
  } else if (status === 'error') {
    body = null;
  } else {
    body = <Spin className="org-loading" />;
  }

  return (
    <div className="org-page" data-testid="org-page">
      <div className="org-toolbar">
        <Typography.Title level={2} className="page-title">
          {t.org.title}
        </Typography.Title>
        <SyncBar />
      </div>
      {loadError ? (
        <Alert
          type="error"
          showIcon
          data-testid="org-load-error"
          title={`${t.org.loadFailed}：${describeError(loadError).title}`}
          description={describeError(loadError).detail}
          action={
            <Button size="small" onClick={() => void org.getState().load()}>
              {t.shell.retry}
            </Button>
          }
        />
      ) : null}
      {body}
    </div>
  );
}
