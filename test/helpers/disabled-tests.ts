import fs from 'node:fs';
import path from 'node:path';

/**
 * Tests switched off by hand: `.only` (the rest of the file silently skipped), `.skip`, `.todo`, and
 * the x-prefixed aliases. Conditional skips (`skipIf`, `runIf`: a test for the other database) are
 * allowed: each runs in one of CI's two runs.
 */
const DISABLED = /(?<![\w$])(?:(?:it|test|describe|bench)\s*\.\s*(?:only|skip|todo)|(?:context|ctx|t)\s*\.\s*skip|x(?:it|test|describe))\s*\(/g;

export function disabledTestsIn(source: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  for (const match of source.matchAll(DISABLED)) {
    const line = source.slice(0, match.index).split('\n').length;
    found.push({ line, text: source.split('\n')[line - 1].trim() });
  }
  return found;
}

/** Every disabled test in the test files under `root`'s src/ and test/, as `file:line: text`. */
export function findDisabledTests(root: string): string[] {
  const out: string[] = [];
  for (const dir of ['src', 'test']) {
    for (const file of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.test.ts')) continue;
      const full = path.join(root, dir, file);
      for (const hit of disabledTestsIn(fs.readFileSync(full, 'utf8'))) out.push(`${path.relative(root, full)}:${hit.line}: ${hit.text}`);
    }
  }
  return out;
}
