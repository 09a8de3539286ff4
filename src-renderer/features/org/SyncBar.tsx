import { SyncOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Progress, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from '../../app/nav';
import { useOrgStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t } from '../../i18n/zh-CN';
import { formatDateTime } from '../../lib/format';

/** Needs the settings page to fix: offer a way there. */
const fixedInSettings = new Set([
  'NOT_CONFIGURED',
  'WECOM_CORPID_INVALID',
  'WECOM_SECRET_INVALID',
  'WECOM_IP_NOT_TRUSTED',
  'WECOM_API_FORBIDDEN',
  'WECOM_CONTACT_DETAILS_FORBIDDEN',
]);

export function phaseText(phase: string): string {
  return t.org.phases[phase] ?? phase;
}

export function SyncBar() {
  const { org } = useServices();
  const navigate = useNavigate();
  const sync = useOrgStore((s) => s.sync);
  const starting = useOrgStore((s) => s.syncStarting);
  const syncError = useOrgStore((s) => s.syncError);
  const syncState = useOrgStore((s) => s.syncState);
  const completedAt = useOrgStore((s) => s.syncCompletedAt);
  const { message } = AntApp.useApp();
  useEffect(() => {
    if (completedAt !== null) void message.success(t.org.syncDone);
  }, [completedAt, message]);
  const running = sync !== null || starting;
  const last = formatDateTime(syncState?.lastSyncAt);
  const percent = sync && sync.total > 0 ? Math.min(100, Math.round((sync.done / sync.total) * 100)) : 0;
  const errorText = syncError ? describeError(syncError) : null;

  return (
    <div className="sync-bar" data-testid="sync-bar">
      <Space wrap size="middle" align="center">
        <Button
          type="primary"
          icon={<SyncOutlined spin={running} />}
          loading={starting}
          disabled={running}
          onClick={() => void org.getState().startSync()}
        >
          {running ? t.org.syncing : t.org.syncButton}
        </Button>
        <Typography.Text type="secondary" data-testid="last-sync">
          {last ? t.org.lastSync(last) : t.org.neverSynced}
        </Typography.Text>
        {syncState && last ? (
          <Typography.Text type="secondary">
            {t.org.counts(syncState.departments, syncState.members)}
          </Typography.Text>
        ) : null}
      </Space>
      {sync ? (
        <div className="sync-progress" data-testid="sync-progress">
          <Typography.Text>
            {t.org.progressText(phaseText(sync.phase), sync.done, sync.total)}
          </Typography.Text>
          <Progress
            percent={percent}
            status="active"
            size="small"
            aria-label={phaseText(sync.phase)}
            aria-valuetext={`${sync.done}/${sync.total}`}
          />
        </div>
      ) : null}
      {errorText ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => org.getState().dismissSyncError() }}
          data-testid="sync-error"
          title={`${t.org.syncFailed}：${errorText.title}`}
          description={errorText.detail}
          action={
            syncError && fixedInSettings.has(syncError.code) ? (
              <Button size="small" onClick={() => navigate('settings')}>
                {t.shell.goToSettings}
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </div>
  );
}
