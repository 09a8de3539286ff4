import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../db/connection';
import { AuditRepo } from '../../db/repos/audit-repo';
import { tempDb } from '../../db/test/temp-db';
import { hospital, member } from '../org-edit/model/test-fixtures';
import { AuditService } from './audit-service';

const CORP = 'ww5a1d0e0c2b4f6a01';
let db: Db;
let cleanup: () => Promise<void>;
let service: AuditService;

/** An audit row as the outbox writes it (OutboxRepo.audit): the whole entity before and after. */
async function audited(
  at: string,
  api: string,
  summary: string,
  entity: string,
  key: string,
  before: unknown,
  after: unknown,
  result = '成功',
) {
  await db.run(
    'INSERT INTO audit_log (corp_id, at, api, summary, entity, entity_key, before, after, result, outbox_id) VALUES (?,?,?,?,?,?,?,?,?,NULL)',
    [
      CORP,
      at,
      api,
      summary,
      entity,
      key,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
      result,
    ],
  );
}

const zhangsan = member('zhangsan', '张三', [201], { position: '护士', mobile: '13800000001' });

beforeEach(async () => {
  const t = await tempDb();
  db = t.db;
  cleanup = t.cleanup;
  await migrate(db);
  service = new AuditService({
    repo: new AuditRepo(db),
    corp: async () => ({ mode: 'demo', corpId: CORP }),
    snapshot: async () => hospital(),
    actor: 'zhangsan@PC-01',
  });
  // Written before the operator was recorded.
  await audited(
    '2026-11-20T01:00:00.000Z',
    'dept.update',
    '重命名部门「骨科」为「骨外科」',
    'department',
    '203',
    { id: 203, name: '骨科', parentid: 20, order: 10 },
    { id: 203, name: '骨外科', parentid: 20, order: 10 },
  );
  await service.start();
  await audited(
    '2026-11-25T02:00:00.000Z',
    'member.update',
    '修改 张三：手机 13800000001 → 13900000009；主部门',
    'member',
    'zhangsan',
    zhangsan,
    {
      ...zhangsan,
      mobile: '13900000009',
      position: '护师',
      mainDepartment: 202,
      departments: [{ departmentId: 202, order: 0, isLeader: false }],
    },
  );
  await audited(
    '2026-11-26T03:00:00.000Z',
    'tag.update',
    '重命名标签「党员」为「=HYPERLINK("x")」',
    'tag',
    '1',
    { tagid: 1, tagname: '党员' },
    { tagid: 1, tagname: '=HYPERLINK("x")' },
    '失败：WECOM_REQUEST_REJECTED（40071）',
  );
});

afterEach(async () => cleanup());

describe('AuditService.list', () => {
  it('names the operator, the kind and each changed field in words', async () => {
    const [tag, mem, dept] = await service.list(100);
    expect(mem).toMatchObject({
      actor: 'zhangsan@PC-01',
      profile: `演示模式（${CORP}）`,
      kindLabel: '成员 · 修改',
      outcome: 'ok',
      changes: [
        { label: '手机', before: '13800000001', after: '13900000009' },
        { label: '职务', before: '护士', after: '护师' },
        { label: '部门', before: '心血管内科', after: '呼吸内科' },
      ],
    });
    expect(dept).toMatchObject({ actor: '', changes: [{ label: '名称', before: '骨科', after: '骨外科' }] });
    expect(tag).toMatchObject({ outcome: 'failed', errorCode: 'WECOM_REQUEST_REJECTED', errcode: 40071 });
  });

  it('filters by date, kind, department and person', async () => {
    const keys = async (filter: Parameters<AuditService['list']>[2]) =>
      (await service.list(100, undefined, filter)).map((e) => e.key);
    expect(await keys({ from: '2026-11-25T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' })).toEqual([
      'zhangsan',
    ]);
    expect(await keys({ kind: 'department' })).toEqual(['203']);
    expect(await keys({ kind: 'invite' })).toEqual([]);
    // 呼吸内科 (202): the member moved into it, found through the stored entity.
    expect(await keys({ departmentId: 202 })).toEqual(['zhangsan']);
    // 骨科 (203): the department itself.
    expect(await keys({ departmentId: 203 })).toEqual(['203']);
    expect(await keys({ person: '张三' })).toEqual(['zhangsan']);
    expect(await keys({ person: 'PC-01' })).toEqual(['1', 'zhangsan']);
    // A search for % is literal, not a wildcard.
    expect(await keys({ person: '%' })).toEqual([]);
  });
});

describe('AuditService.exportXlsx', () => {
  it('writes a workbook Excel opens: text times, 操作人, sentences, and no formula runs', async () => {
    const out = await service.exportXlsx({});
    expect(out.filename).toMatch(/^操作记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(out.rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('操作记录')!;
    const rows = ws
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['时间', '操作人', '企业', '类型', '操作', '修改内容', '结果']);
    const [tag, mem, dept] = rows.slice(1);
    expect(mem![0]).toMatch(/^2026-11-2[56] \d{2}:00:00$/);
    expect(mem!.slice(1, 5)).toEqual([
      'zhangsan@PC-01',
      `演示模式（${CORP}）`,
      '成员 · 修改',
      '修改 张三：手机 13800000001 → 13900000009；主部门',
    ]);
    expect(mem![5]).toBe('手机：13800000001 → 13900000009\n职务：护士 → 护师\n部门：心血管内科 → 呼吸内科');
    expect(dept![1]).toBe('（未记录）');
    // The tag's new name would be a formula: it is written as text.
    expect(tag![5]).toBe('名称：党员 → =HYPERLINK("x")');
    expect(tag![4]).toBe('重命名标签「党员」为「=HYPERLINK("x")」');
    expect(tag![6]).toBe('失败（企业微信拒绝，错误码 40071）');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
  });

  it('neutralises a cell that starts like a formula', async () => {
    await audited(
      '2026-11-27T03:00:00.000Z',
      'member.update',
      '=1+2 的资料',
      'member',
      'zhangsan',
      zhangsan,
      { ...zhangsan, position: '-护师' },
    );
    const out = await service.exportXlsx({ kind: 'member' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('操作记录')!;
    expect(ws.getCell('E2').value).toBe("'=1+2 的资料");
    expect(ws.getCell('E2').formula).toBeUndefined();
    expect(ws.getCell('F2').value).toBe('职务：护士 → -护师');
    expect(out.rows).toBe(2);
  });
});
