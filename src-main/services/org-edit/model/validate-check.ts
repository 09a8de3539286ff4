import type { Issue as WireIssue } from '../../../contract/errors';
import { paramsOf, type IssueCode, type RuleIssue } from '../../../domain/issue-codes';
import { issueMessage } from '../../../domain/issue-messages.zh-CN';
import type { FieldIssue } from '../../../domain/member-rules';

/** One problem with a staged op, in the op's terms; the service prefixes "ops.<opIndex>" for the wire. */
export interface Issue {
  opIndex: number;
  /** Dotted path inside the op, e.g. "fields.mobile" or "userids.3"; "" for the op as a whole. */
  path: string;
  /** Chinese from the shared catalogue: the same words the renderer shows for the same rule. */
  message: string;
  code: IssueCode;
  params: Record<string, unknown>;
}

/** Collects issues for one op; "hard" ones mean the op must not be applied to the scratch copy. */
export class OpCheck {
  readonly issues: Issue[] = [];
  hard = false;
  constructor(private readonly opIndex: number) {}

  add(path: string, i: RuleIssue, hard = false): void {
    if (hard) this.hard = true;
    // The schema and a rule check can both see one limit (e.g. 21 departments): say it once.
    if (this.issues.some((x) => x.path === path && x.code === i.code)) return;
    this.issues.push({
      opIndex: this.opIndex,
      path,
      message: issueMessage(i),
      code: i.code,
      params: paramsOf(i),
    });
  }

  addAll(path: string, issues: readonly RuleIssue[], hard = false): void {
    for (const i of issues) this.add(path, i, hard);
  }

  /** Member rule issues, whose paths are relative to the op's fields. */
  addFields(issues: readonly FieldIssue[], hard = false): void {
    for (const f of issues) this.add(`fields.${f.path}`, f.issue, hard);
  }
}

/** Issues of a batch as details.issues: paths "ops.<opIndex>.<path>", codes and parameters kept. */
export function wireIssues(issues: readonly Issue[]): WireIssue[] {
  return issues.map((i) => ({
    path: `ops.${i.opIndex}${i.path ? `.${i.path}` : ''}`,
    message: i.message,
    code: i.code,
    params: i.params,
  }));
}
