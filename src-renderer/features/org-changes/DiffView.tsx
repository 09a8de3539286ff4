import { Empty, Tag, Typography } from 'antd';
import type { DiffLine } from '../../../src-main/contract';
import { groupDiff } from './group-diff';
import { entityText, kindStyle } from './push-text';

/** 差异: the working copy against the cache, as a tree diff. */
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
                <div key={`${l.kind}-${l.key}-${l.text}`} className={`diff-line diff-${l.kind}`}>
                  <Tag color={kindStyle[l.kind].color}>{kindStyle[l.kind].text}</Tag>
                  <span>{l.text}</span>
                  {l.kind === 'moved' || l.kind === 'renamed' ? (
                    <span className="diff-move">
                      {l.before ?? '—'} → {l.after ?? '—'}
                    </span>
                  ) : null}
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
