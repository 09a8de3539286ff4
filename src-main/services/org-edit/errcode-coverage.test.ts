import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errcodeText, wecomErrcodes } from '../../domain/wecom-errcodes.zh-CN';

const sandbox = join(__dirname, '..', '..', 'sandbox');

/** Every errcode the sandbox can answer with, read from its source (handlers, server, tokens). */
function sandboxErrcodes(): number[] {
  const files = [
    ...readdirSync(join(sandbox, 'handlers')).map((f) => join(sandbox, 'handlers', f)),
    join(sandbox, 'server.ts'),
    join(sandbox, 'tokens.ts'),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const codes = new Set<number>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/ApiError\((-?\d+)/g)) codes.add(Number(m[1]));
    for (const m of src.matchAll(/errcode: (\d+)(?: \| (\d+))?/g)) {
      codes.add(Number(m[1]));
      if (m[2]) codes.add(Number(m[2]));
    }
  }
  return [...codes].sort((a, b) => a - b);
}

describe('WeCom errcode catalogue', () => {
  it('has its own reason and fix for every errcode the sandbox can raise', () => {
    const codes = sandboxErrcodes();
    expect(codes.length).toBeGreaterThan(40);
    const missing = codes.filter((c) => errcodeText(c) === null);
    expect(missing).toEqual([]);
  });

  it('never falls back to one generic bucket: reasons are distinct per errcode', () => {
    const reasons = Object.keys(wecomErrcodes).map((c) => errcodeText(Number(c))!.reason);
    const counts = new Map<string, number>();
    for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    // 41019 and 60127 are WeCom's two codes for the same missing department.
    const repeated = [...counts].filter(([, n]) => n > 1).map(([r]) => r);
    expect(repeated).toEqual(['成员没有所属部门']);
  });

  it('names who holds a taken mobile (60104) and says how to find out when unknown', () => {
    expect(
      errcodeText(60104, {
        mobile: '13800001111',
        holderName: '李四',
        holderUserid: 'LiSi',
        holderDepartments: '心血管内科',
      }),
    ).toEqual({
      reason: '手机号 13800001111 已被 李四（LiSi，心血管内科）占用',
      fix: '同一企业内手机号不能重复；请核对号码，或先修改那名成员的手机号，再点「重试」',
    });
    const unknown = errcodeText(60104, { mobile: '13800001111' })!;
    expect(unknown.reason).toBe('手机号 13800001111 已被企业内的另一名成员占用');
    expect(unknown.fix).toContain('「同步」');
  });

  it('answers null for an errcode it does not know', () => {
    expect(errcodeText(99999)).toBeNull();
  });
});
