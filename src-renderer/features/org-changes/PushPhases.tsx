import { Progress, Typography } from 'antd';
import type { PhaseBars } from './push-outcome';
import { pushPhaseText, pushSteps } from './push-text';

const percentOf = (b: { done: number; total: number } | undefined): number =>
  b && b.total > 0 ? Math.min(100, Math.round((b.done / b.total) * 100)) : 0;

/**
 * The running push as four numbered steps, one bar each, so the bar never jumps back: 1 拉取 → 2 检查冲突
 * → 3 写入 → 4 刷新. An earlier push's unfinished calls, when there are any, are finished first and
 * shown as a line above the steps.
 */
export function PushPhases({ bars, current }: { bars: PhaseBars; current: string | null }) {
  const settle = bars.settle;
  return (
    <div className="push-phases" data-testid="push-progress">
      {settle ? (
        <Typography.Text type="secondary" className="push-settle">
          先{pushPhaseText.settle}
          {settle.total > 0 ? ` ${settle.done}/${settle.total}` : ''}
        </Typography.Text>
      ) : null}
      <ol className="push-steps">
        {pushSteps.map(({ phase, label }) => {
          const b = bars[phase];
          const active = current === phase;
          const complete = b !== undefined && b.total > 0 && b.done >= b.total && !active;
          const state = active ? 'active' : complete ? 'done' : b ? 'done' : 'waiting';
          return (
            <li key={phase} className="push-step" data-phase={phase} data-state={state}>
              <Typography.Text strong={active} type={state === 'waiting' ? 'secondary' : undefined}>
                {label}
              </Typography.Text>
              <Progress
                percent={state === 'done' ? 100 : percentOf(b)}
                status={active ? 'active' : state === 'done' ? 'success' : 'normal'}
                size="small"
                aria-label={`${label} ${pushPhaseText[phase]}`}
                aria-valuetext={b && b.total > 0 ? `${b.done}/${b.total}` : undefined}
                format={() =>
                  active && b && b.total > 0 ? `${b.done}/${b.total}` : state === 'done' ? '完成' : ''
                }
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
