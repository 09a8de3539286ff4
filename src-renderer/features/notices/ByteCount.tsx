import type { FieldCount } from '../../../src-main/domain/notice-content';

/** 「已用 1,980 / 2,048 字节」 under a field; red past WeCom's limit (a 汉字 is 3 bytes). */
export function ByteCount({ count }: { count: FieldCount | undefined }) {
  if (!count) return null;
  const over = count.bytes > count.max;
  return (
    <div className={over ? 'byte-count byte-count-over' : 'byte-count'} data-testid={`bytes-${count.field}`}>
      已用 {count.bytes.toLocaleString('zh-CN')} / {count.max.toLocaleString('zh-CN')} 字节
      {over ? '，超出企业微信的限制' : ''}
    </div>
  );
}
