import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers read one way (case → facts → rules → outcomes → explain): no module of src/ imports,
 * through any chain, a module that imports it back. Registries (facts, parties, outcome kinds, case
 * checks) sit above the modules they collect, and shapes those modules need sit below.
 */
const src = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(/(?:import|export)[^;]*?from\s+'(\.[^']+)'/gs)].map((m) => normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
    g.set(file, deps.filter((d) => d.endsWith('.ts')));
  }
  return g;
}

/** Strongly connected groups of more than one module (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(relative(src, w));
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('src/ imports', () => {
  it('form no cycle', () => {
    expect(cycles(graph())).toEqual([]);
  });
});
