import { Empty, Typography } from 'antd';
import type { DiffLine } from '../../../src-main/contract';
import { groupDiff } from './group-diff';
import { entityText } from './push-text';

/**
 * 差异: the working copy against the cache, as a tree diff. Each line is one sentence that already
 * says what happens (新增/删除/移到/改名/第 n 位), so no kind badge or path repeats it; the kind only
 * colours the line.
 */
export function DiffView({ diff }: { diff: readonly DiffLine[] }) {
  if (diff.length === 0) return <Empty description="与企业微信相比没有差异" />;
  return (
    <div className="diff-view" data-testid="change-diff">
      {groupDiff(diff).map(({ entity, groups }) => (
        <section key={entity}>
          <Typography.Title level={5}>{entityText[entity]}</Typography.Title>
          {groups.map((g) => (
            <div key={g.path} className="diff-group">
              {g.path ? <div className="diff-path">{g.path}</div> : null}
              {g.lines.map((l) => (
                <div
                  key={`${l.kind}-${l.key}-${l.text}`}
                  className={`diff-line diff-${l.kind}`}
                  data-testid="diff-line"
                >
                  {l.text}
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
