import { describe, expect, it, vi } from 'vitest';
import { downloadCsv, withBom, type DownloadEnv } from './download';

function fakeEnv() {
  const anchor = { href: '', download: '', click: vi.fn(), remove: vi.fn() };
  const env: DownloadEnv & { blobs: Blob[] } = {
    blobs: [],
    createObjectURL: (blob) => {
      env.blobs.push(blob);
      return 'blob:1';
    },
    revokeObjectURL: vi.fn(),
    createAnchor: () => anchor,
  };
  return { env, anchor };
}

describe('downloadCsv', () => {
  it('saves through a blob and an <a download>, with exactly one BOM', async () => {
    vi.useFakeTimers();
    const { env, anchor } = fakeEnv();
    const blob = downloadCsv('未激活成员-心内科.csv', '姓名,手机\n张三,138', env);
    expect(anchor.download).toBe('未激活成员-心内科.csv');
    expect(anchor.href).toBe('blob:1');
    expect(anchor.click).toHaveBeenCalledOnce();
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    vi.runAllTimers();
    expect(env.revokeObjectURL).toHaveBeenCalledWith('blob:1');
    vi.useRealTimers();
  });

  it('does not add a second BOM', () => {
    expect(withBom('\uFEFFa')).toBe('\uFEFFa');
    expect(withBom('a')).toBe('\uFEFFa');
  });
});
