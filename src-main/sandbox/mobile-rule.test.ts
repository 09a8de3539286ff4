import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMobileFormat } from '../domain/member-rules';
import { startSandbox, type RunningSandbox } from './index';
import { api, getToken } from './testkit';

/**
 * One mobile rule (domain/member-rules.ts) for the form, main and the sandbox: what the form refuses,
 * the sandbox answers with 60103, and what it accepts the sandbox creates, so nothing invalid is
 * staged only to fail at push time.
 */
let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox();
  token = await getToken(sb);
});
afterAll(() => sb.close());

const cases: Array<[mobile: string, valid: boolean]> = [
  ['13800000000', true],
  ['+86 13800000001', true],
  ['+852 91234567', true],
  ['1381234567', false],
  ['23812345678', false],
  ['138 0000 0000', false],
  ['+86 1381234567', false],
  ['+8613800000002', false],
  ['138-0000-0003', true],
  ['138--0000-0000', false],
];

describe('the mobile rule is the same in the domain and in the sandbox', () => {
  it.each(cases)('%j: valid = %s', async (mobile, valid) => {
    expect(checkMobileFormat(mobile).length === 0).toBe(valid);
    const dept = [...sb.state.departments.values()].find((d) => d.parentid !== 0)!.id;
    const userid = `MobileCase${cases.findIndex(([m]) => m === mobile)}`;
    const r = await api(sb, 'user/create', {
      token,
      body: { userid, name: '测试', mobile, department: [dept] },
    });
    expect(r.json.errcode).toBe(valid ? 0 : 60103);
  });
});
