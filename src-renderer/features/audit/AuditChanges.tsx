import { Typography } from 'antd';
import type { AuditEntry } from '../../../src-main/contract';
import { resultText } from './audit-text';

/** An expanded 操作记录 row: each changed field, the old value struck through and the new one marked. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const changes = entry.changes ?? [];
  const failure = resultText(entry).detail;
  return (
    <div className="audit-changes" data-testid={`audit-changes-${entry.id}`}>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">没有逐项的字段修改，内容见「操作」一栏。</Typography.Text>
      ) : (
        <table className="audit-fields">
          <thead>
            <tr>
              <th>字段</th>
              <th>修改前</th>
              <th>修改后</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                <td>{c.before === '' ? '—' : <del className="audit-before">{c.before}</del>}</td>
                <td>
                  <mark className="audit-after">{c.after}</mark>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure ? (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {failure}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
