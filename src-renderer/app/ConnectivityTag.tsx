import { Tag, Tooltip } from 'antd';
import { t } from '../i18n/zh-CN';
import { isOffline } from '../stores/app-store';
import { useAppStore } from './services-context';

export function ConnectivityTag() {
  const bridge = useAppStore((s) => s.bridge);
  const wecomOnline = useAppStore((s) => s.wecomOnline);
  const offline = isOffline({ bridge, wecomOnline });
  const tip = !offline
    ? t.shell.onlineTip
    : bridge !== 'connected'
      ? t.shell.offlineBridgeTip
      : t.shell.offlineWecomTip;

  return (
    <Tooltip title={tip} trigger={['hover', 'focus']}>
      {/* Focusable so keyboard users get the tooltip too. */}
      <span role="status" tabIndex={0} className="connectivity" data-testid="connectivity">
        <Tag color={offline ? 'red' : 'green'} variant="solid">
          {offline ? t.shell.offline : t.shell.online}
        </Tag>
      </span>
    </Tooltip>
  );
}
