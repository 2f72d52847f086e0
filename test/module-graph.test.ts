import fs from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import type { ICruiseResult } from 'dependency-cruiser';
import { cruiseSource, DOT_FILE, moduleCycles, moduleEdges, moduleGraphDot, ruleViolations, sourceMark, SVG_FILE } from '../scripts/module-graph.ts';

/**
 * The shape of src/ as docs/architecture.md draws it: the rules of .dependency-cruiser.cjs (no import
 * cycle between files, route files mounted only by the app, services free of HTTP, modules free of the
 * wiring, src/db below every module), no cycle between modules' services, and a module graph picture
 * that matches the imports.
 */
let result: ICruiseResult;

beforeAll(async () => {
  result = await cruiseSource();
});

test('every file keeps the import rules of .dependency-cruiser.cjs', () => {
  expect(result.summary.totalCruised).toBeGreaterThan(100);
  expect(ruleViolations(result)).toEqual([]);
});

test('no import cycle between modules: each listed cycle shows the imports that close it', () => {
  expect(moduleCycles(moduleEdges(result))).toEqual([]);
});

test('docs/module-graph.dot and .svg show the imports as they are (npm run docs:graph redraws them)', () => {
  const dot = moduleGraphDot(moduleEdges(result));
  expect(fs.readFileSync(DOT_FILE, 'utf8')).toBe(dot);
  expect(fs.readFileSync(SVG_FILE, 'utf8')).toContain(sourceMark(dot));
});
