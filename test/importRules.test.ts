import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one-way arrows of DESIGN.md, checked on every import in src/ (Excalidraw's lesson:
 * boundaries enforced by a check, not by discipline):
 *
 *   app ──► protocol ◄── worker ──► core        cli ──► core
 *
 * - core imports nothing from app, worker, protocol or cli, and no UI or DOM library;
 * - app and worker reach the core only through core/index.ts (their tests may use the core's
 *   test helpers);
 * - protocol holds types only: it imports nothing but types from core/index.ts;
 * - cli never imports the app;
 * - and the core has no import cycles (services depend on context.ts, not on the Simulation).
 *   Type-only imports are left out of that check: they are erased when compiled.
 */
const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');

interface Import { from: string; spec: string; target: string | null; typeOnly: boolean; line: number }

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Blanks comments (keeping line numbers) so commented-out code is not an import. */
const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));

export function importsOf(file: string, text: string): Import[] {
  const src = stripComments(text);
  const out: Import[] = [];
  // `import('./x').Name` with a capitalised name is a type reference, not a dynamic import.
  const re = /\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)(\.[A-Z])?/g;
  for (const m of src.matchAll(re)) {
    const spec = m[4] ?? m[5] ?? m[6];
    const clause = m[3] ?? '';
    const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allTypes = braces !== null && braces[1].split(',').map((x) => x.trim()).filter(Boolean).every((x) => x.startsWith('type '));
    const typeOnly = m[2] !== undefined || allTypes || m[7] !== undefined;
    const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)).replace(/\.(tsx?|json)$/, '') : null;
    out.push({ from: relative(ROOT, file), spec, target, typeOnly, line: src.slice(0, m.index).split('\n').length });
  }
  return out;
}

const layer = (path: string) => /^src\/(core|app|worker|protocol|cli)\//.exec(path)?.[1] ?? null;
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const CORE_INDEX = 'src/core/index';
const UI_PACKAGES = /^(react|react-dom|d3|d3-[\w-]+|zustand|@xstate\/react|@dagrejs\/dagre|mediabunny|gifenc|papaparse|fflate|@statelyai\/inspect)(\/|$)/;

/** The arrow DESIGN.md forbids, in words, or null. */
export function violation(i: Import): string | null {
  const from = layer(i.from);
  const to = i.target ? layer(i.target + '.ts') ?? (i.target.startsWith('src/') ? 'src' : 'outside') : 'package';
  const at = `${i.from}:${i.line} imports '${i.spec}'`;
  switch (from) {
    case 'core':
      if (to === 'app' || to === 'worker' || to === 'protocol' || to === 'cli') return `${at}: the core must not depend on ${to}`;
      if (to === 'package' && UI_PACKAGES.test(i.spec)) return `${at}: the core must not use a UI library`;
      if (to === 'package' && !isTest(i.from) && !/^(xstate|@stdlib\/math-base-special-[a-z0-9-]+)$/.test(i.spec)) return `${at}: the core may use only xstate and the fdlibm ports`;
      return null;
    case 'app':
    case 'worker':
      if (to === 'core' && i.target !== CORE_INDEX && !(isTest(i.from) && i.target!.startsWith('src/core/testing/'))) return `${at}: ${from} reaches the core only through core/index.ts`;
      if (from === 'worker' && to === 'app') return `${at}: the worker must not depend on the app`;
      return null;
    case 'protocol':
      if (to === 'core' && (i.target !== CORE_INDEX || !i.typeOnly)) return `${at}: protocol may import only types from core/index.ts`;
      if (to === 'app' || to === 'worker' || to === 'cli') return `${at}: protocol must not depend on ${to}`;
      if (to === 'package') return `${at}: protocol holds types only`;
      return null;
    case 'cli':
      return to === 'app' ? `${at}: the CLI must not depend on the app` : null;
    default:
      return null;
  }
}

/** Cycles among the core's modules (type imports included), each as a path a → b → … → a. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

const all = files(SRC).flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

describe('the architecture’s one-way arrows (DESIGN.md)', () => {
  it('no import in src/ crosses a boundary DESIGN.md forbids', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.map(violation).filter(Boolean)).toEqual([]);
  });

  it('the core has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const i of all) {
      if (layer(i.from) !== 'core' || isTest(i.from) || i.typeOnly || !i.target || layer(i.target + '.ts') !== 'core') continue;
      const from = i.from.replace(/\.tsx?$/, '');
      graph.set(from, [...(graph.get(from) ?? []), i.target]);
    }
    expect(graph.size).toBeGreaterThan(30);
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the check sees each kind of import and each forbidden arrow', () => {
    const text = [
      "import { a } from '../app/x';", "import type { B } from '../core/view';", "export { c } from '../core/index';",
      "import { type D, type E } from '../core/index';", "const m = await import('../app/y');", "// import { z } from '../app/z';",
      "let t: import('../core/index').Scenario;",
    ].join('\n');
    const found = importsOf(join(SRC, 'protocol', 'messages.ts'), text);
    expect(found.map((i) => [i.spec, i.typeOnly])).toEqual([['../app/x', false], ['../core/view', true], ['../core/index', false], ['../core/index', true], ['../app/y', false], ['../core/index', true]]);
    expect(found.map(violation).map((v) => v !== null)).toEqual([true, true, true, false, true, false]);
    const fromCore = importsOf(join(SRC, 'core', 'services', 'x.ts'), "import { h } from 'react';\nimport { w } from '../../worker/session';\nimport { s } from '../simulation';");
    expect(fromCore.map(violation).map((v) => v !== null)).toEqual([true, true, false]);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });
});
