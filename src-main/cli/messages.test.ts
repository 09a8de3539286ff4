import { describe, expect, it } from 'vitest';
import { AppError, errorCodes } from '../contract/errors';
import { cliErrorText, startupErrorText } from './messages';

describe('main-side error texts', () => {
  it('has Chinese text for every contract code', () => {
    for (const code of errorCodes) expect(cliErrorText(code)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('DB_CORRUPT names the file, promises not to overwrite it, and says how to move it aside', () => {
    const t = startupErrorText(
      new AppError('DB_CORRUPT', 'x', { details: { file: 'D:\\数据\\zhb.sqlite' } }),
    );
    expect(t).toContain('D:\\数据\\zhb.sqlite');
    expect(t).toContain('不会覆盖');
    expect(t).toContain('-wal');
    expect(t).toContain('移到别的文件夹');
  });

  it('INSTANCE_RUNNING says which process holds the folder', () => {
    const t = startupErrorText(
      new AppError('INSTANCE_RUNNING', 'x', {
        details: { pid: 4242, kind: 'devhost', startedAt: '2026-11-02T01:02:03.000Z', file: '/d/zhb.lock' },
      }),
    );
    expect(t).toMatch(
      /^综合部助手已在运行（进程 4242，浏览器模式，2026-11-0\d \d\d:\d\d 启动）。请先关闭它，或稍候再试。/,
    );
    expect(startupErrorText(new AppError('INSTANCE_RUNNING', 'x'))).toBe(
      '综合部助手已在运行。请先关闭它，或稍候再试。',
    );
  });

  it('bad environment settings name the variable; DB_TOO_NEW says to upgrade', () => {
    expect(
      startupErrorText(new AppError('INVALID_INPUT', 'x', { details: { variable: 'WECOM_APPS' } })),
    ).toMatch(/^输入或配置有误：环境变量 WECOM_APPS 的内容不正确/);
    expect(startupErrorText(new AppError('DB_TOO_NEW', 'x'))).toContain('升级');
  });

  it('passes our own Chinese errors through and wraps anything else as INTERNAL with its message', () => {
    expect(startupErrorText(new Error('端口无效：x'))).toBe('端口无效：x');
    const t = startupErrorText(new Error('SQLITE_CANTOPEN: unable to open database file'));
    expect(t).toContain('程序内部错误');
    expect(t).toContain('SQLITE_CANTOPEN');
  });
});
