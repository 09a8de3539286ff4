import { App as AntApp, Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useServices, useSettingsStore } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { failureTitle } from '../../components/use-report-error';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t, tConnectionTest } from '../../i18n/zh-CN';
import { AppsEditor } from './AppsEditor';
import { ConnectionResults } from './ConnectionResults';
import { CorpSwitchConfirm } from './CorpSwitchConfirm';
import './settings.css';

export function SettingsPage() {
  const { settings } = useServices();
  const { message, modal } = AntApp.useApp();
  const profile = useSettingsStore((s) => s.profile);
  const loadError = useSettingsStore((s) => s.loadError);
  const draft = useSettingsStore((s) => s.draft);
  const errors = useSettingsStore((s) => s.fieldErrors);
  const busy = useSettingsStore((s) => s.busy);
  const actionError = useSettingsStore((s) => s.actionError);
  const checks = useSettingsStore((s) => s.checks);
  const tested = useSettingsStore((s) => s.tested);
  const testError = useSettingsStore((s) => s.testError);

  useEffect(() => {
    if (!settings.getState().profile) void settings.getState().load();
  }, [settings]);

  if (!profile) {
    return (
      <PageLayout
        title={t.settings.title}
        testId="settings-page"
        className="settings-page"
        error={
          loadError
            ? { what: t.settings.load, error: loadError, onRetry: () => void settings.getState().load() }
            : null
        }
        loading={!loadError}
      />
    );
  }

  const fieldStatus = (key: string) =>
    errors[key] ? { validateStatus: 'error' as const, help: errors[key] } : {};
  /** CORP_SWITCH_PENDING: ask before leaving the old corp's unpushed work behind. */
  const confirmSwitch = (done: string) => {
    const pending = settings.getState().pendingSwitch;
    if (!pending) return;
    modal.confirm({
      title: '切换企业前请确认',
      width: 520,
      content: <CorpSwitchConfirm pending={pending} leavingDemo={profile.mode === 'demo'} />,
      okText: '确认切换',
      cancelText: '取消',
      onOk: async () => {
        if (await settings.getState().confirmSwitch()) void message.success(done);
      },
      onCancel: () => settings.getState().cancelSwitch(),
    });
  };
  const onSave = async () => {
    if (await settings.getState().save()) void message.success(t.settings.saved);
    else confirmSwitch(t.settings.saved);
  };
  const onReset = async () => {
    if (await settings.getState().resetToDemo()) void message.success(t.settings.resetDone);
    else confirmSwitch(t.settings.resetDone);
  };
  // Field errors (INVALID_INPUT) are shown beside their fields; anything else above the buttons.
  const formError = actionError && actionError.code !== 'INVALID_INPUT' ? actionError : null;
  const modeTag = (
    <Tag color={profile.mode === 'demo' ? 'gold' : 'blue'} data-testid="settings-mode">
      {t.settings.mode[profile.mode]}
    </Tag>
  );

  return (
    <PageLayout title={t.settings.title} testId="settings-page" className="settings-page" badge={modeTag}>
      <Form
        layout="vertical"
        className="settings-form"
        onFinish={() => void onSave()}
        data-testid="settings-form"
      >
        <Card title={t.settings.corpSection} size="small">
          <Form.Item
            label={t.settings.corpId}
            extra={t.settings.corpIdHelp}
            required
            {...fieldStatus('corpId')}
          >
            <Input
              id="settings-corp-id"
              aria-label={t.settings.corpId}
              value={draft.corpId}
              placeholder={t.settings.corpIdPlaceholder}
              autoComplete="off"
              spellCheck={false}
              style={{ maxWidth: 360 }}
              onChange={(e) => settings.getState().setCorpId(e.target.value)}
            />
          </Form.Item>
          <Form.Item
            label={t.settings.contactsSecret}
            extra={t.settings.contactsSecretHelp}
            tooltip={tConnectionTest.requiredSecret}
            required
            {...fieldStatus('contactsSecret')}
          >
            <Input.Password
              id="settings-contacts-secret"
              aria-label={t.settings.contactsSecret}
              value={draft.contactsSecret}
              autoComplete="off"
              placeholder={
                profile.contactsSecretSet ? t.settings.secretPlaceholderKeep : t.settings.secretPlaceholderNew
              }
              style={{ maxWidth: 360 }}
              onChange={(e) => settings.getState().setContactsSecret(e.target.value)}
            />
          </Form.Item>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t.settings.secretStoreLabel}>
              <span data-testid="secret-store">{t.settings.secretStore[profile.secretStore]}</span>
            </Descriptions.Item>
            {/* The API host is an internal detail (README: --api-base); clerks are not shown it. */}
          </Descriptions>
        </Card>

        <Card title={t.settings.appsSection} size="small">
          <AppsEditor />
        </Card>

        {formError ? (
          <Alert
            type="error"
            showIcon
            data-testid="settings-error"
            title={failureTitle(t.settings.save, formError)}
            description={describeError(formError).detail}
          />
        ) : null}

        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy === 'saving'}
            disabled={busy !== 'idle' && busy !== 'saving'}
          >
            {t.settings.save}
          </Button>
          <Button
            loading={busy === 'testing'}
            disabled={busy !== 'idle' && busy !== 'testing'}
            onClick={() => void settings.getState().testConnection()}
          >
            {t.settings.test}
          </Button>
          <Popconfirm
            title={t.settings.resetConfirmTitle}
            description={t.settings.resetConfirmBody}
            okText={t.settings.resetOk}
            cancelText={t.settings.cancel}
            onConfirm={() => onReset()}
          >
            <Button danger loading={busy === 'resetting'} disabled={busy !== 'idle' && busy !== 'resetting'}>
              {t.settings.reset}
            </Button>
          </Popconfirm>
        </Space>
      </Form>

      {testError ? (
        <Alert
          type="error"
          showIcon
          title={failureTitle(t.settings.test, testError)}
          description={describeError(testError).detail}
        />
      ) : null}
      {checks ? <ConnectionResults checks={checks} tested={tested} /> : null}
    </PageLayout>
  );
}
