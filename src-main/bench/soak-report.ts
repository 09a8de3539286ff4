/** The soak's fault mix, its counters and the closing report (figures and broken invariants). */

export const FAULTS = {
  none: 1,
  dropReplies: 1,
  dropConnections: 1,
  httpErrorNext: 1,
  httpErrorAfterApply: 1,
  failAfterApply: 1,
  /** WeCom refuses the call (40058): the row must fail, unapplied, and say so. */
  refuse: 0.6,
  kill: 1,
  close: 0.6,
};
export type FaultKind = keyof typeof FAULTS;

export interface Finding {
  round: number;
  fault: string;
  what: string;
}

export const stats = {
  rounds: 0,
  changes: 0,
  refusedByEditor: 0,
  faults: Object.fromEntries(Object.keys(FAULTS).map((k) => [k, 0])) as Record<FaultKind, number>,
  firstPushFailed: Object.fromEntries(Object.keys(FAULTS).map((k) => [k, 0])) as Record<FaultKind, number>,
  killsLanded: 0,
  rows: 0,
  rowsReconciled: 0,
  rowsFailed: 0,
  failedButApplied: 0,
  writeCalls: 0,
  rowsResentAfterUnknown: 0,
  createCalls: 0,
  createRowsDone: 0,
  settlePushes: 0,
  duplicates: 0,
  wrongTargets: 0,
  stateMismatches: 0,
  cacheMismatches: 0,
  staleTagMembers: 0,
  unsettled: 0,
  conflicts: 0,
};
export const findings: Finding[] = [];

export function report(ms: number, seed: number, verbose: boolean) {
  const broken = Object.entries({
    duplicates: stats.duplicates,
    'wrong targets': stats.wrongTargets,
    'state mismatches': stats.stateMismatches,
    'rounds left unsettled': stats.unsettled,
    'failed rows applied all the same': stats.failedButApplied,
    'cache differs from WeCom after settle': stats.cacheMismatches,
  }).filter(([, n]) => n > 0);
  console.log(
    `rounds                 ${stats.rounds} (${stats.changes} staged changes, ${stats.refusedByEditor} gestures refused by the editor)`,
  );
  console.log(
    `faults injected        ${Object.entries(stats.faults)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log(
    `  first push failed    ${Object.entries(stats.firstPushFailed)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log(`  kills/closes landed mid-push ${stats.killsLanded}`);
  console.log(
    `outbox rows            ${stats.rows}; reconciled ${stats.rowsReconciled}; claimed more than once ${stats.rowsResentAfterUnknown}; failed ${stats.rowsFailed} (applied in WeCom all the same: ${stats.failedButApplied})`,
  );
  console.log(`write calls            ${stats.writeCalls} reached WeCom for ${stats.rows} outbox rows`);
  console.log(
    `create calls           ${stats.createCalls} reached WeCom for ${stats.createRowsDone} create rows done`,
  );
  console.log(
    `settle pushes          ${stats.settlePushes}; conflicts ${stats.conflicts}; rounds whose cache differed from WeCom ${stats.cacheMismatches}; deleted members still in cached tags ${stats.staleTagMembers}`,
  );
  console.log(`duplicates             ${stats.duplicates}`);
  console.log(`wrong targets          ${stats.wrongTargets}`);
  console.log(`state mismatches       ${stats.stateMismatches}`);
  console.log(`rounds left unsettled  ${stats.unsettled}`);
  console.log(`elapsed                ${(ms / 1000).toFixed(1)} s`);
  for (const x of findings.slice(0, verbose ? undefined : 40))
    console.log(`! round ${x.round} (${x.fault}) SOAK_SEED=${seed}: ${x.what}`);
  if (!verbose && findings.length > 40) console.log(`! … ${findings.length - 40} more`);
  console.log(
    broken.length
      ? `INVARIANTS BROKEN: ${broken.map(([k, n]) => `${k} ${n}`).join(', ')}`
      : 'all invariants held',
  );
  process.exitCode = broken.length ? 1 : 0;
}
