import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { AppPurpose } from '../../../src-main/contract';
import { useServices, useSettingsStore } from '../../app/services-context';
import { t } from '../../i18n/zh-CN';
import { appKeepsStoredSecret } from './settings-form';

const purposeOptions = t.settings.purposes.map((p) => ({ value: p, label: p }));

export function AppsEditor() {
  const { settings } = useServices();
  const apps = useSettingsStore((s) => s.draft.apps);
  const errors = useSettingsStore((s) => s.fieldErrors);
  const update = settings.getState().updateApp;

  const fieldProps = (i: number, field: string) => {
    const message = errors[`apps.${i}.${field}`];
    return message ? { validateStatus: 'error' as const, help: message } : {};
  };

  return (
    <div className="apps-editor" data-testid="apps-editor">
      <Typography.Paragraph type="secondary">{t.settings.appsHelp}</Typography.Paragraph>
      {apps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.settings.noApps} />
      ) : null}
      {apps.map((app, i) => (
        <div
          className="app-row"
          key={app.key}
          role="group"
          aria-label={`${t.settings.appsSection} ${i + 1}`}
          data-testid={`app-row-${i}`}
        >
          <Form.Item required label={t.settings.appName} {...fieldProps(i, 'name')}>
            <Input
              value={app.name}
              maxLength={64}
              onChange={(e) => update(app.key, { name: e.target.value })}
            />
          </Form.Item>
          <Form.Item required label={t.settings.appPurpose} {...fieldProps(i, 'purpose')}>
            <Select<AppPurpose>
              value={app.purpose}
              options={purposeOptions}
              aria-label={t.settings.appPurpose}
              style={{ width: 120 }}
              onChange={(purpose) => update(app.key, { purpose })}
            />
          </Form.Item>
          <Form.Item required label={t.settings.appAgentId} {...fieldProps(i, 'agentid')}>
            <InputNumber<number>
              value={app.agentid}
              min={1}
              precision={0}
              controls={false}
              style={{ width: 140 }}
              onChange={(agentid) =>
                update(app.key, { agentid: typeof agentid === 'number' ? agentid : null })
              }
            />
          </Form.Item>
          <Form.Item required label={t.settings.appSecret} {...fieldProps(i, 'secret')}>
            <Input.Password
              value={app.secret}
              autoComplete="off"
              placeholder={
                appKeepsStoredSecret(app) ? t.settings.secretPlaceholderKeep : t.settings.secretPlaceholderNew
              }
              style={{ width: 260 }}
              onChange={(e) => update(app.key, { secret: e.target.value })}
            />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button icon={<DeleteOutlined />} onClick={() => settings.getState().removeApp(app.key)}>
              {t.settings.removeApp}
            </Button>
          </Form.Item>
        </div>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => settings.getState().addApp()}
        disabled={apps.length >= 20}
      >
        {t.settings.addApp}
      </Button>
    </div>
  );
}
