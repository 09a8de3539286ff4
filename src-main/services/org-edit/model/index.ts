/** Pure 通讯录-editing domain logic: working copy, validation, summaries, diff, push plan, conflicts, rules. */
export * from './types';
export { WorkingCopy, type ViewOpts } from './working-copy';
export { validateOps, wireIssues, type Issue } from './validate';
export { summarize, summarizeAll } from './summaries';
export { treeDiff, pathResolver } from './diff';
export { planCalls, TAG_USERS_PER_CALL, TAG_PARTIES_PER_CALL, type PlannedCall } from './plan';
export {
  ABSENT,
  captureBase,
  detectConflicts,
  entityKey,
  entityVersion,
  rebase,
  touchedKeys,
  type BaseLookup,
  type StagedChangeLike,
} from './conflicts';
export { evaluateRules, type RulesResult } from './rules';
