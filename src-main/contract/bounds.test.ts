import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { procedures } from './procedures';

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: z.ZodType): Def => s._zod.def as unknown as Def;

/**
 * Visits every string schema reachable from `schema` and reports the paths of those without a
 * maximum length. Throws on a schema kind it does not know, so a new kind cannot slip through.
 */
function unboundedStrings(schema: z.ZodType, path = '$'): string[] {
  const d = defOf(schema);
  const walk = (s: unknown, p: string) => unboundedStrings(s as z.ZodType, p);
  switch (d.type) {
    case 'string':
      return (schema as z.ZodString).maxLength === null ? [path] : [];
    case 'number':
    case 'int':
    case 'boolean':
    case 'literal':
    case 'enum':
    case 'null':
    case 'undefined':
      return [];
    case 'object':
      return Object.entries(d.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
        walk(v, `${path}.${k}`),
      );
    case 'array':
      return walk(d.element, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(d.innerType, path);
    case 'union':
      return (d.options as z.ZodType[]).flatMap((o, i) => walk(o, `${path}|${i}`));
    case 'intersection':
      return [...walk(d.left, path), ...walk(d.right, path)];
    case 'record':
      return [...walk(d.keyType, `${path}{key}`), ...walk(d.valueType, `${path}{}`)];
    case 'tuple':
      return (d.items as z.ZodType[]).flatMap((o, i) => walk(o, `${path}[${i}]`));
    case 'pipe':
      return walk(d.in, path);
    case 'lazy':
      return walk((d.getter as () => z.ZodType)(), path);
    default:
      throw new Error(`bounds walker: unknown schema kind ${d.type} at ${path}`);
  }
}

describe('contract input bounds', () => {
  it('the walker finds an unbounded string anywhere', () => {
    const s = z.object({
      a: z.string().max(3),
      b: z.array(z.object({ c: z.string().optional() })),
      d: z.union([z.literal(1), z.string().trim()]),
    });
    expect(unboundedStrings(s)).toEqual(['$.b[].c', '$.d|1']);
  });

  it('every string in every procedure input has a maximum length', () => {
    const found = Object.entries(procedures).flatMap(([name, p]) =>
      unboundedStrings(p.input as z.ZodType, name),
    );
    expect(found).toEqual([]);
  });
});
