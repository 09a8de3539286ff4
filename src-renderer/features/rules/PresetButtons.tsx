import { Button, Space } from 'antd';
import { RULE_PRESETS, type PresetKey } from './rule-presets';

/** One button per common rule (正副主任, 正副护士长 …) not yet configured. */
export function PresetButtons({
  keys,
  onPick,
}: {
  keys: readonly PresetKey[];
  onPick: (k: PresetKey) => void;
}) {
  return (
    <Space wrap>
      {RULE_PRESETS.filter((p) => keys.includes(p.key)).map((p) => (
        <Button key={p.key} onClick={() => onPick(p.key)}>
          {p.name}（{p.positions.join('、')}）
        </Button>
      ))}
    </Space>
  );
}
