import type { FeatureImplementation, InstanceBuilder } from '@headless-tree/core';

type Method = (opts: Record<string, unknown>, ...args: unknown[]) => unknown;

/** A prototype for one feature list and instance type, and how many features it was built from. */
interface Proto {
  proto: object;
  size: number;
}

const protoCache = new WeakMap<FeatureImplementation[], Map<string, Proto>>();
/** Each instance's options ({ tree } or { item, tree, itemId }), set when it is finalized. */
const optionsOf = new WeakMap<object, Record<string, unknown>>();

function compose(self: object, chain: Method[], i: number): (...args: unknown[]) => unknown {
  const method = chain[i]!;
  const prev = i > 0 ? compose(self, chain, i - 1) : undefined;
  // Built on the first call, not the first read: a method may be looked up before finalize.
  let withPrev: Record<string, unknown> | undefined;
  return (...args) => {
    if (!withPrev) {
      const opts = optionsOf.get(self);
      if (!opts) return method({ prev }, ...args);
      withPrev = { ...opts, prev };
    }
    return method(withPrev, ...args);
  };
}

function own(self: object, key: string, value: unknown): void {
  Object.defineProperty(self, key, { value, writable: true, configurable: true, enumerable: true });
}

/** Per method name, the feature implementations in override order (the last one is called). */
function chainsOf(features: FeatureImplementation[], instanceType: string): Map<string, Method[]> {
  const chains = new Map<string, Method[]>();
  for (const feature of features) {
    const definition = (feature as unknown as Record<string, Record<string, Method | undefined>>)[
      instanceType
    ];
    if (!definition) continue;
    for (const [key, method] of Object.entries(definition)) {
      if (!method) continue;
      let chain = chains.get(key);
      if (!chain) chains.set(key, (chain = []));
      chain.push(method);
    }
  }
  return chains;
}

/**
 * One prototype per feature list and instance type: a getter per method name, shared by all
 * instances. createTree adds its main feature to the list after building the tree instance, so a
 * prototype is rebuilt when the list has grown.
 */
function protoFor(features: FeatureImplementation[], instanceType: string): Proto {
  let byType = protoCache.get(features);
  if (!byType) protoCache.set(features, (byType = new Map()));
  const cached = byType.get(instanceType);
  if (cached && cached.size === features.length) return cached;
  const proto = {};
  for (const [key, chain] of chainsOf(features, instanceType)) {
    Object.defineProperty(proto, key, {
      configurable: true,
      get(this: object) {
        const fn = compose(this, chain, chain.length - 1);
        // Kept as an own property once the instance is final; before that the list may still grow.
        if (optionsOf.has(this)) own(this, key, fn);
        return fn;
      },
      set(this: object, value: unknown) {
        own(this, key, value);
      },
    });
  }
  const entry = { proto, size: features.length };
  byType.set(instanceType, entry);
  return entry;
}

/**
 * headless-tree's default builder gives every instance (one per visible department) a closure per
 * method of every feature, and copies the instance's options into a fresh object on every call;
 * with 3,000 departments open that is most of the cost of expanding, scrolling and dropping. This
 * builder keeps the semantics — each feature's method gets `{ ...opts, prev }`, where `prev` calls
 * the implementation it overrides — but an instance is one object on a shared prototype, a method is
 * composed on its first use per instance, and calls reuse their options object.
 */
export const lazyInstanceBuilder: InstanceBuilder = (features, instanceType, buildOpts) => {
  const first = protoFor(features, instanceType);
  const instance = Object.create(first.proto) as object;
  const finalize = () => {
    const final = protoFor(features, instanceType);
    if (final !== first) Object.setPrototypeOf(instance, final.proto);
    optionsOf.set(instance, buildOpts(instance) as Record<string, unknown>);
  };
  return [instance as never, finalize];
};
