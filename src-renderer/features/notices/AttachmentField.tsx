import { InboxOutlined } from '@ant-design/icons';
import { Alert, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { attachmentRef, type AttachmentRef, type MessageContent } from '../../../src-main/contract';
import { useServices } from '../../app/services-context';

const TYPE_ZH: Record<AttachmentRef['type'], string> = {
  image: '图片',
  voice: '语音',
  video: '视频',
  file: '文件',
};
const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The content a dropped file becomes: a picture as 图片, an MP4 as 视频, the rest as 文件. */
export function contentFor(a: AttachmentRef): MessageContent {
  const mediaId = attachmentRef(a.sha256, a.filename);
  if (a.type === 'image') return { type: 'image', mediaId };
  if (a.type === 'video') return { type: 'video', mediaId, title: a.filename, description: '' };
  return { type: 'file', mediaId };
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/**
 * Drop a file (or pick one): kept in the data folder by content so the draft works offline, checked
 * against WeCom's type and size rules by its content, with the reason and the fix when it breaks one.
 */
export function AttachmentField(props: {
  value: AttachmentRef | undefined;
  onChange: (a: AttachmentRef, content: MessageContent) => void;
}) {
  const { api } = useServices();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const take = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await api.call('notices.attach', { filename: file.name, base64: await readBase64(file) });
      if (!r.ok) return setProblem(`未能添加「${file.name}」：${r.error.message}`);
      setProblem(r.value.issue);
      props.onChange(r.value.attachment, contentFor(r.value.attachment));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload.Dragger
        aria-label="添加附件"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void take(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>把文件拖到这里，或点击选择（图片 JPG/PNG ≤ 10 MB，视频 MP4 ≤ 10 MB，其他文件 ≤ 20 MB）</p>
      </Upload.Dragger>
      {props.value ? (
        <Typography.Text data-testid="attachment">
          {`${TYPE_ZH[props.value.type]}：${props.value.filename}（${size(props.value.size)}）`}
        </Typography.Text>
      ) : null}
      {problem ? <Alert type="error" showIcon message={problem} /> : null}
    </Space>
  );
}
