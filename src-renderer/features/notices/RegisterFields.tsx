import { Col, Form, Input, Row, Select } from 'antd';
import type { NoticeMeta } from '../../../src-main/contract';

/** The 发文登记 facts of a notice; the 发文机关's 文号 pattern numbers it when it is sent. */
export function RegisterFields(props: { value: NoticeMeta; onChange: (v: NoticeMeta) => void }) {
  const { value, onChange } = props;
  const set = (patch: Partial<NoticeMeta>) => onChange({ ...value, ...patch });
  const text = (key: 'issuer' | 'drafter' | 'reviewer' | 'signer', label: string) => (
    <Form.Item label={label}>
      <Input
        aria-label={label}
        maxLength={40}
        value={value[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </Form.Item>
  );
  return (
    <Row gutter={12}>
      <Col span={8}>{text('issuer', '发文机关')}</Col>
      <Col span={8}>
        <Form.Item label="密级">
          <Select
            aria-label="密级"
            value={value.secrecy}
            options={['公开', '内部', '秘密'].map((v) => ({ value: v, label: v }))}
            onChange={(v: NoticeMeta['secrecy']) => set({ secrecy: v })}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label="紧急程度">
          <Select
            aria-label="紧急程度"
            value={value.urgency}
            options={['普通', '加急', '特急'].map((v) => ({ value: v, label: v }))}
            onChange={(v: NoticeMeta['urgency']) => set({ urgency: v })}
          />
        </Form.Item>
      </Col>
      <Col span={8}>{text('drafter', '拟稿人')}</Col>
      <Col span={8}>{text('reviewer', '核稿人')}</Col>
      <Col span={8}>{text('signer', '签发人')}</Col>
    </Row>
  );
}
