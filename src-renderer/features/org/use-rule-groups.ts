import { useEffect, useState } from 'react';
import { useOrgStore, useServices } from '../../app/services-context';
import { DEFAULT_RULE_GROUPS } from './dept-counts';

const DEFAULTS: ReadonlySet<string> = new Set(DEFAULT_RULE_GROUPS);

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
    let live = true;
    void api.call('rules.list', {}).then((res) => {
      if (!live || !res.ok) return;
      const own = res.value.rules.filter((r) => r.kind === 'positional').map((r) => r.name.trim());
      if (own.every((n) => DEFAULTS.has(n))) return;
      setNames(new Set([...DEFAULTS, ...own]));
    });
    return () => {
      live = false;
    };
  }, [api, tree]);
  return names;
}
