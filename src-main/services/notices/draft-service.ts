import { AppError } from '../../contract/errors';
import { DraftBody } from '../../contract/notices';
import type { DraftRow, NoticeDraftsRepo } from '../../db/repos/notice-drafts-repo';
import type { CorpContext } from '../settings/corp-context';

export interface Draft {
  id: number;
  isTemplate: boolean;
  title: string;
  body: DraftBody;
  updatedAt: string;
}

const toDraft = (r: DraftRow): Draft => ({
  id: r.id,
  isTemplate: r.isTemplate,
  title: r.title,
  // a body saved by an older version that no longer parses is shown empty rather than lost on disk
  body: DraftBody.safeParse(r.body).data ?? {},
  updatedAt: r.updatedAt,
});

/**
 * Drafts and templates of the current corp. The composer saves on every pause in typing (well under
 * a second), so a crash loses at most the last second; deleting marks the draft and can be undone.
 */
export class DraftService {
  constructor(private readonly d: { repo: NoticeDraftsRepo; corp: CorpContext; nowMs: () => number }) {}

  private async corpId(): Promise<string> {
    return (await this.d.corp.resolve()).corpId;
  }

  private iso(): string {
    return new Date(this.d.nowMs()).toISOString();
  }

  async save(id: number | null, body: unknown, isTemplate = false): Promise<Draft> {
    const parsed = DraftBody.safeParse(body);
    if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.message);
    const title = parsed.data.title ?? '';
    const saved = await this.d.repo.save(
      await this.corpId(),
      id,
      { title, body: parsed.data, isTemplate },
      this.iso(),
    );
    if (saved === null) throw new AppError('NOT_FOUND', `draft ${id} is gone`);
    return toDraft((await this.d.repo.get(await this.corpId(), saved))!);
  }

  async get(id: number): Promise<Draft> {
    const r = await this.d.repo.get(await this.corpId(), id);
    if (!r) throw new AppError('NOT_FOUND', `no draft ${id}`);
    return toDraft(r);
  }

  async list(templates = false, q = ''): Promise<Draft[]> {
    return (await this.d.repo.list(await this.corpId(), templates, q)).map(toDraft);
  }

  async remove(id: number): Promise<boolean> {
    return this.d.repo.remove(await this.corpId(), id, this.iso());
  }

  async restore(id: number): Promise<boolean> {
    return this.d.repo.restore(await this.corpId(), id);
  }

  /** 「存为模板」: a template copy of the draft; the draft stays. */
  async saveAsTemplate(id: number): Promise<Draft> {
    const d = await this.get(id);
    return this.save(null, d.body, true);
  }

  /** 「从模板新建」: a new draft with the template's content. */
  async fromTemplate(id: number): Promise<Draft> {
    const t = await this.get(id);
    if (!t.isTemplate) throw new AppError('INVALID_INPUT', `draft ${id} is not a template`);
    return this.save(null, t.body, false);
  }
}
