import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src-main/contract';
import { bridgeError } from '../bridge/errors';
import { describeError, errorMessages } from './error-messages.zh-CN';

const han = /[\u4e00-\u9fff]/;

describe('error catalogue', () => {
  it.each(errorCodes)('%s has Chinese text saying what happened and what to do', (code) => {
    expect(errorMessages[code]).toBeDefined();
    const text = describeError({ code, message: 'x', details: {} });
    expect(text.title).toMatch(han);
    expect(text.detail).toMatch(han);
    expect(text.detail.length).toBeGreaterThan(10);
  });

  it('has no entries for codes the contract does not know', () => {
    expect(Object.keys(errorMessages).sort()).toEqual([...errorCodes].sort());
  });

  it('names where to find the corp id and secrets', () => {
    expect(describeError({ code: 'WECOM_CORPID_INVALID' }).detail).toContain('我的企业');
    const secret = describeError({ code: 'WECOM_SECRET_INVALID' }).detail;
    expect(secret).toContain('管理工具 → 通讯录同步');
    expect(secret).toContain('应用管理 → 应用');
    expect(describeError({ code: 'WECOM_API_FORBIDDEN' }).detail).toContain('可调用接口的应用');
  });

  it('shows the IP WeCom saw for 60020, and copes without it', () => {
    expect(describeError({ code: 'WECOM_IP_NOT_TRUSTED', details: { ip: '198.51.100.1' } }).detail).toContain(
      '198.51.100.1',
    );
    expect(describeError({ code: 'WECOM_IP_NOT_TRUSTED' }).detail).toContain('企业可信IP');
  });

  it('tells a lost link to the host apart from WeCom being unreachable', () => {
    expect(describeError({ code: 'NETWORK' }).title).toContain('无法连接企业微信');
    expect(describeError(bridgeError('closed')).title).toContain('本机后台服务');
  });

  it('falls back for unknown codes', () => {
    expect(describeError({ code: 'SOMETHING_NEW' }).detail).toContain('SOMETHING_NEW');
  });
});
