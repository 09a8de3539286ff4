import { buildStaticInstance, type FeatureImplementation, type InstanceBuilder } from '@headless-tree/core';
import { describe, expect, it } from 'vitest';
import { lazyInstanceBuilder } from './tree-instance-builder';

type Opts = { item: { name: string }; prev?: (...a: unknown[]) => unknown };

// Two features where the second overrides one method and calls the first through `prev`.
const features = [
  {
    key: 'a',
    itemInstance: {
      greet: ({ item }: Opts, who: string) => `hi ${who} from ${item.name}`,
      plain: ({ item }: Opts) => item.name.length,
    },
  },
  {
    key: 'b',
    itemInstance: {
      greet: ({ prev }: Opts, who: string) => `${String(prev?.(who))}!`,
      self: ({ item }: Opts) => item,
    },
  },
] as unknown as FeatureImplementation[];

function build(builder: InstanceBuilder, name: string) {
  const [instance, finalize] = builder(features, 'itemInstance', (self: unknown) => ({
    item: Object.assign(self as object, { name }),
  }));
  finalize();
  return instance as unknown as Record<string, (...a: unknown[]) => unknown> & { name: string };
}

describe('lazyInstanceBuilder', () => {
  it('calls the same chain with the same options as headless-tree’s static builder', () => {
    for (const builder of [buildStaticInstance, lazyInstanceBuilder]) {
      const item = build(builder, 'abc');
      expect(item.greet!('x')).toBe('hi x from abc!');
      expect(item.plain!()).toBe(3);
      expect(item.self!()).toBe(item);
      expect('greet' in item).toBe(true);
    }
  });

  it('keeps instances apart and methods working when detached', () => {
    const a = build(lazyInstanceBuilder, 'a');
    const b = build(lazyInstanceBuilder, 'bb');
    const { greet } = b;
    expect(a.greet!('1')).toBe('hi 1 from a!');
    expect(greet!('2')).toBe('hi 2 from bb!');
    expect(a.greet).toBe(a.greet);
    expect(a.greet).not.toBe(b.greet);
  });

  it('lets a method be replaced on one instance', () => {
    const a = build(lazyInstanceBuilder, 'a');
    const b = build(lazyInstanceBuilder, 'b');
    a.plain = () => 42;
    expect(a.plain()).toBe(42);
    expect(b.plain!()).toBe(1);
  });

  it('sees a feature added to the list between build and finalize (createTree adds its main feature)', () => {
    const list = [...features];
    const [instance, finalize] = lazyInstanceBuilder(list, 'itemInstance', (self: unknown) => ({
      item: Object.assign(self as object, { name: 'x' }),
    }));
    list.unshift({ key: 'main', itemInstance: { base: () => 'base' } } as unknown as FeatureImplementation);
    finalize();
    expect((instance as unknown as Record<string, () => string>).base!()).toBe('base');
  });
});
