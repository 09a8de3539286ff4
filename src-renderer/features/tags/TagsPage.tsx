import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TagName, type Tag as TagT } from '../../../src-main/contract';
import { useServices, useTagsStore } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { allocateNegativeId } from '../org/edit-ops';
import { checkWith } from '../org/member-editor/member-form';
import { PendingMark } from '../org/MemberPanel';
import { TagDetail } from './TagDetail';
import { useStage } from '../org/use-stage';
import '../activation/activation.css';

type NameDialog = { mode: 'create' } | { mode: 'rename'; tag: TagT } | null;

export function TagsPage() {
  const { tags: store } = useServices();
  const stage = useStage();
  const status = useTagsStore((s) => s.status);
  const loadError = useTagsStore((s) => s.loadError);
  const tags = useTagsStore((s) => s.tags);
  const selectedTagId = useTagsStore((s) => s.selectedTagId);
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  const selected = tags.find((t) => t.tagid === selectedTagId) ?? null;

  return (
    <PageLayout
      title="标签"
      testId="tags-page"
      className="tags-page"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setNameDialog({ mode: 'create' })}>
          新建标签
        </Button>
      }
      description="标签名最多 32 个字。标签可以包含成员和部门，用于发消息和设置可见范围。成员很多时，推送会自动分批提交（企业微信单次最多 1000 人）。"
      error={
        loadError ? { what: '读取标签', error: loadError, onRetry: () => void store.getState().load() } : null
      }
    >
      <div className="tags-split">
        <List
          className="tags-list"
          bordered
          size="small"
          loading={status === 'loading'}
          dataSource={tags}
          locale={{ emptyText: <Empty description="暂无标签" /> }}
          renderItem={(t) => (
            <List.Item
              data-testid={`tag-${t.tagid}`}
              className={`${t.tagid === selectedTagId ? 'is-row-selected' : ''} ${t.pending === 'deleted' ? 'is-deleted-text' : ''}`}
              onClick={() => void store.getState().select(t.tagid)}
              style={{ cursor: 'pointer' }}
            >
              <span>
                {t.tagname} <PendingMark pending={t.pending} />
              </span>
              <Typography.Text type="secondary">
                {t.memberCount} 人{t.departmentCount > 0 ? ` · ${t.departmentCount} 个部门` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
        {selected ? (
          <TagDetail tag={selected} onRename={() => setNameDialog({ mode: 'rename', tag: selected })} />
        ) : null}
      </div>
      <Modal
        open={nameDialog !== null}
        title={nameDialog?.mode === 'rename' ? '重命名标签' : '新建标签'}
        destroyOnHidden
        footer={null}
        onCancel={() => setNameDialog(null)}
      >
        <Form
          layout="vertical"
          initialValues={{ name: nameDialog?.mode === 'rename' ? nameDialog.tag.tagname : '' }}
          onFinish={async ({ name }: { name: string }) => {
            const n = name.trim();
            let res;
            if (nameDialog?.mode === 'rename') {
              res = await stage(`把标签「${nameDialog.tag.tagname}」改名为「${n}」`, [
                { type: 'tag.update', tagid: nameDialog.tag.tagid, tagname: n },
              ]);
            } else {
              const tagid = allocateNegativeId(tags.map((t) => t.tagid).filter((x) => x < 0));
              res = await stage(`新建标签「${n}」`, [{ type: 'tag.create', tagid, tagname: n }]);
              if (res?.ok) void store.getState().select(tagid);
            }
            if (res?.ok) setNameDialog(null);
          }}
        >
          <Form.Item
            name="name"
            label="标签名"
            validateTrigger={['onChange', 'onBlur']}
            rules={[
              {
                validator: (_, v: string | undefined) => {
                  const msg = checkWith(TagName, v ?? '');
                  if (msg) return Promise.reject(new Error(msg));
                  const dup = tags.find(
                    (t) =>
                      t.tagname === (v ?? '').trim() &&
                      !(nameDialog?.mode === 'rename' && nameDialog.tag.tagid === t.tagid),
                  );
                  return dup ? Promise.reject(new Error('已有同名标签')) : Promise.resolve();
                },
              },
            ]}
          >
            <Input autoFocus aria-label="标签名" />
          </Form.Item>
          <Space>
            <Button onClick={() => setNameDialog(null)}>取消</Button>
            <Button type="primary" htmlType="submit">
              {nameDialog?.mode === 'rename' ? '保存' : '新建'}
            </Button>
          </Space>
        </Form>
      </Modal>
    </PageLayout>
  );
}
