import {
  App as AntApp,
  Alert,
  Button,
  Collapse,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { MessageContent } from '../../../src-main/contract';
import { contentIssues, contentIssueText, fieldCounts } from '../../../src-main/domain/notice-content';
import { useServices, useSettingsStore } from '../../app/services-context';
import { useReportError } from '../../components/use-report-error';
import { AttachmentField } from './AttachmentField';
import { ByteCount } from './ByteCount';
import { HeadCountLine } from './HeadCountLine';
import { useNoticesStore } from './use-notices-store';
import { RecipientsField } from './RecipientsField';
import { RegisterFields } from './RegisterFields';

type Kind = 'text' | 'markdown' | 'textcard' | 'media';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'text', label: '文本' },
  { value: 'markdown', label: 'Markdown' },
  { value: 'textcard', label: '文字卡片' },
  { value: 'media', label: '图片/文件' },
];
const kindOf = (c: MessageContent): Kind =>
  c.type === 'text' || c.type === 'markdown' || c.type === 'textcard' ? c.type : 'media';

const switchKind = (c: MessageContent, kind: Exclude<Kind, 'media'>): MessageContent => {
  const text =
    c.type === 'text' || c.type === 'markdown' ? c.content : c.type === 'textcard' ? c.description : '';
  if (kind === 'textcard')
    return {
      type: 'textcard',
      title: c.type === 'textcard' ? c.title : '',
      description: text,
      url: 'https://',
      btntxt: '',
    };
  return { type: kind, content: text };
};

const saveText = { idle: '', saving: '正在保存草稿…', saved: '草稿已保存', error: '草稿未能保存' } as const;

/** Writes a notice: app, type, fields with WeCom's byte limits, recipients with the head count, send once. */
export function NoticeComposer() {
  const { notices } = useServices();
  const { modal } = AntApp.useApp();
  const reportError = useReportError();
  const compose = useNoticesStore((s) => s.compose);
  const save = useNoticesStore((s) => s.save);
  const headCount = useNoticesStore((s) => s.headCount);
  const sending = useNoticesStore((s) => s.sending);
  const lastSend = useNoticesStore((s) => s.lastSend);
  const profile = useSettingsStore((s) => s.profile);
  const apps = profile?.apps ?? [];
  const edit = notices.getState().edit;
  const c = compose.content;
  const [mediaPicked, setMedia] = useState(false);
  const kind: Kind = mediaPicked ? 'media' : kindOf(c);
  const counts = useMemo(() => new Map(fieldCounts(c).map((f) => [f.field, f])), [c]);
  const issues = useMemo(() => contentIssues(c), [c]);
  const r = compose.recipients;
  const noRecipients = !r.all && r.userids.length + r.departmentIds.length + r.tagIds.length === 0;
  const noMedia = kind === 'media' && compose.attachments.length === 0;
  const blocked = compose.agentid === null || noRecipients || noMedia || issues.length > 0;

  const send = () =>
    modal.confirm({
      title: '发送这条通知？',
      content: (
        <div>
          <p>发送后会立即出现在接收人的企业微信里，只发送一次（中断后重试也不会重复投递）。</p>
          <HeadCountLine count={headCount} />
        </div>
      ),
      okText: '发送',
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: async () => {
        const res = await notices.getState().send();
        if (!res) {
          const e = notices.getState().error;
          if (e) reportError('发送通知', e);
        }
      },
    });

  return (
    <Form layout="vertical" className="notice-composer" data-testid="notice-composer">
      <Form.Item label="发送应用" required>
        <Select
          aria-label="发送应用"
          value={compose.agentid ?? undefined}
          placeholder="选择发送通知的应用"
          options={apps.map((a) => ({
            value: a.agentid,
            label: `${a.name}（${a.agentid}）`,
            disabled: !a.secretSet,
          }))}
          onChange={(v: number) => edit({ agentid: v })}
        />
      </Form.Item>
      <Form.Item label="标题（登记用）">
        <Input
          aria-label="通知标题"
          maxLength={200}
          value={compose.title}
          onChange={(e) => edit({ title: e.target.value })}
        />
      </Form.Item>
      <Form.Item label="消息类型">
        <Segmented<Kind>
          options={KINDS}
          value={kind}
          onChange={(k) =>
            k === 'media'
              ? setMedia(true)
              : (setMedia(false), edit({ content: switchKind(c, k), attachments: [] }))
          }
        />
      </Form.Item>
      {kind === 'media' ? (
        <Form.Item label="附件" required>
          <AttachmentField
            value={compose.attachments[0]}
            onChange={(a, content) => edit({ attachments: [a], content })}
          />
        </Form.Item>
      ) : null}
      {kind !== 'media' && (c.type === 'text' || c.type === 'markdown') ? (
        <Form.Item label="内容" required>
          <Input.TextArea
            aria-label="通知内容"
            autoSize={{ minRows: 5, maxRows: 16 }}
            value={c.content}
            onChange={(e) => edit({ content: { type: c.type, content: e.target.value } })}
          />
          <ByteCount count={counts.get('content')} />
        </Form.Item>
      ) : null}
      {kind !== 'media' && c.type === 'textcard' ? (
        <>
          <Form.Item label="卡片标题" required>
            <Input
              aria-label="卡片标题"
              value={c.title}
              onChange={(e) => edit({ content: { ...c, title: e.target.value } })}
            />
            <ByteCount count={counts.get('title')} />
          </Form.Item>
          <Form.Item label="卡片描述" required>
            <Input.TextArea
              aria-label="卡片描述"
              autoSize={{ minRows: 3 }}
              value={c.description}
              onChange={(e) => edit({ content: { ...c, description: e.target.value } })}
            />
            <ByteCount count={counts.get('description')} />
          </Form.Item>
          <Form.Item label="点击后打开的链接" required>
            <Input
              aria-label="卡片链接"
              value={c.url}
              onChange={(e) => edit({ content: { ...c, url: e.target.value } })}
            />
          </Form.Item>
        </>
      ) : null}
      {c.type === 'text' ? (
        <Form.Item label="保密消息（不能分享，带水印）">
          <Switch
            aria-label="保密消息"
            checked={compose.safe === 1}
            onChange={(v) => edit({ safe: v ? 1 : 0 })}
          />
        </Form.Item>
      ) : null}
      <Collapse
        className="notice-register-fields"
        size="small"
        items={[
          {
            key: 'register',
            label: '发文登记信息（发文机关、密级、紧急程度、拟稿/核稿/签发）',
            children: <RegisterFields value={compose.meta} onChange={(meta) => edit({ meta })} />,
          },
        ]}
      />
      <Form.Item label="接收人" required>
        <RecipientsField value={r} onChange={(v) => edit({ recipients: v })} />
      </Form.Item>
      <HeadCountLine count={headCount} />
      {issues.length > 0 ? (
        <Alert
          className="notice-issues"
          type="warning"
          showIcon
          message={issues.map(contentIssueText).join('；')}
        />
      ) : null}
      {lastSend ? (
        <Alert
          className="notice-result"
          type={lastSend.notice.status === 'sent' ? 'success' : 'warning'}
          showIcon
          message={sendResultText(lastSend.notice)}
        />
      ) : null}
      <Space className="notice-actions">
        <Button type="primary" disabled={blocked} loading={sending} onClick={send}>
          发送
        </Button>
        <Typography.Text type="secondary" aria-live="polite">
          {saveText[save]}
        </Typography.Text>
      </Space>
    </Form>
  );
}

export function sendResultText(n: { status: string; docNo: string | null; invalidUsers: string[] }): string {
  const no = n.docNo ? `（${n.docNo}）` : '';
  switch (n.status) {
    case 'sent':
      return `已发送${no}`;
    case 'partial':
      return `部分送达${no}：企业微信无法送达 ${n.invalidUsers.join('、') || '部分接收人'}`;
    case 'sending':
      return `待发送${no}：暂时连不上企业微信，恢复后会自动发送，不会重复投递`;
    default:
      return `发送失败${no}：请查看发文登记中的原因`;
  }
}
