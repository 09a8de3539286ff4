import type { NoticeMeta } from '../../contract/notices';
import type { NoticeRow } from '../../db/repos/notices-repo';
import { localDateTimeText, writeXlsx } from '../export/xlsx';

const STATUS_ZH: Record<NoticeRow['status'], string> = {
  scheduled: '定时',
  sending: '待发送',
  sent: '已发送',
  partial: '部分失败',
  failed: '发送失败',
  recalled: '已撤回',
  cancelled: '已取消',
};

/** 发文登记 as an .xlsx workbook: one row per notice, newest first, every cell text. */
export async function registerXlsx(rows: readonly NoticeRow[]): Promise<Buffer> {
  return writeXlsx({
    name: '发文登记',
    columns: [
      { header: '文号', width: 20 },
      { header: '标题', width: 36, wrap: true },
      { header: '发文机关', width: 14 },
      { header: '密级', width: 8 },
      { header: '紧急程度', width: 10 },
      { header: '拟稿人', width: 10 },
      { header: '核稿人', width: 10 },
      { header: '签发人', width: 10 },
      { header: '人数', width: 8 },
      { header: '状态', width: 10 },
      { header: '发送时间', width: 20 },
      { header: 'msgid', width: 40, wrap: true },
      { header: '撤回原因', width: 20, wrap: true },
    ],
    rows: rows.map((n) => {
      const m = (n.meta ?? {}) as Partial<NoticeMeta>;
      return [
        n.docNo ?? '',
        n.title,
        n.issuer,
        m.secrecy ?? '',
        m.urgency ?? '',
        m.drafter ?? '',
        m.reviewer ?? '',
        m.signer ?? '',
        String(n.headCount),
        STATUS_ZH[n.status],
        localDateTimeText(n.sentAt ?? n.createdAt),
        n.msgids.join('\n'),
        n.recallReason ?? '',
      ];
    }),
  });
}
