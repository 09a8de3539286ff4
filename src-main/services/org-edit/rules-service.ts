import { AppError } from '../../contract/errors';
import type { Change, Rule, RulePreview } from '../../contract/org-edit';
import type { RulesRepo } from '../../db/repos/rules-repo';
import { evaluateRules } from './model';
import type { OrgEditService } from './org-edit-service';

type RuleDraft = Omit<Rule, 'id'> & { id?: number | undefined };

/** Positional groups (正副主任…) and rule tags, previewed before saving and applied as staged changes. */
export class RulesService {
  constructor(private readonly d: { rules: RulesRepo; editor: OrgEditService }) {}

  async list(): Promise<Rule[]> {
    return this.d.rules.list(await this.d.editor.corpId());
  }

  async save(r: RuleDraft): Promise<Rule> {
    const corpId = await this.d.editor.corpId();
    const others = (await this.d.rules.list(corpId)).filter((x) => x.id !== r.id);
    if (others.some((x) => x.kind === r.kind && x.name === r.name)) {
      throw new AppError('INVALID_INPUT', 'duplicate rule', {
        details: { issues: [{ path: 'name', message: `已有同名规则「${r.name}」` }] },
      });
    }
    return this.d.rules.save(corpId, r);
  }

  async delete(id: number): Promise<boolean> {
    return this.d.rules.delete(await this.d.editor.corpId(), id);
  }

  async preview(r: RuleDraft): Promise<RulePreview> {
    // evaluateRules works on a scratch of the working copy and leaves it as it was.
    const wc = await this.d.editor.workingCopy();
    const result = evaluateRules([{ ...r, id: r.id ?? 0 }], wc, await this.d.editor.idAllocator(wc));
    return result.previews[0] ?? { groups: [], ops: 0 };
  }

  async apply(id?: number): Promise<Change | null> {
    const rules = (await this.list()).filter((r) => r.enabled && (id === undefined || r.id === id));
    if (id !== undefined && rules.length === 0) throw new AppError('NOT_FOUND', `rule ${id}`);
    const wc = await this.d.editor.workingCopy();
    const { ops } = evaluateRules(rules, wc, await this.d.editor.idAllocator(wc));
    if (ops.length === 0) return null;
    const label = id === undefined ? '应用全部分组规则' : `应用规则「${rules[0]!.name}」`;
    return this.d.editor.stage(label, ops, { skipRules: true });
  }
}
