import { Alert, Button } from 'antd';
import { t } from '../i18n/zh-CN';
import { useNavigate } from './nav';
import { useAppStore } from './services-context';

export function DemoBanner() {
  const mode = useAppStore((s) => s.status?.mode);
  const navigate = useNavigate();
  if (mode !== 'demo') return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="demo-banner"
      title={t.shell.demoBanner}
      action={
        <Button size="small" onClick={() => navigate('settings')}>
          {t.shell.goToSettings}
        </Button>
      }
    />
  );
}
