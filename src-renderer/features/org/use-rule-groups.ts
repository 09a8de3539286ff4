import { useEffect, useState } from 'react';
import { useOrgStore, useServices } from '../../app/services-context';
import type { Api } from '../../bridge/types';
import { DEFAULT_RULE_GROUPS } from './dept-counts';
import type { DeptTree } from './dept-tree-model';

const DEFAULTS: ReadonlySet<string> = new Set(DEFAULT_RULE_GROUPS);

/** One read per loaded tree, however many components ask. */
const reads = new WeakMap<DeptTree, Promise<ReadonlySet<string>>>();

function readNames(api: Api, tree: DeptTree): Promise<ReadonlySet<string>> {
  let read = reads.get(tree);
  if (!read) {
    read = api.call('rules.list', {}).then((res) => {
      if (!res.ok) return DEFAULTS;
      const own = res.value.rules.filter((r) => r.kind === 'positional').map((r) => r.name.trim());
      return own.every((n) => DEFAULTS.has(n)) ? DEFAULTS : new Set([...DEFAULTS, ...own]);
    });
    reads.set(tree, read);
  }
  return read;
}

/**
 * Names of the positional groups kept by rules: the three the rules feature offers plus the
 * hospital's own positional rules. Read again after each load (a rule may have been added); when
 * the rules cannot be read the defaults still mark the usual groups.
 */
export function useRuleGroupNames(): ReadonlySet<string> {
  const { api } = useServices();
  const tree = useOrgStore((s) => s.tree);
  const [names, setNames] = useState<ReadonlySet<string>>(DEFAULTS);
  useEffect(() => {
    if (!tree) return;
    let live = true;
    void readNames(api, tree).then((next) => {
      if (live) setNames(next);
    });
    return () => {
      live = false;
    };
  }, [api, tree]);
  return names;
}
