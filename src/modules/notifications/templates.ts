import fs from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { packageRoot } from '../../package-root.ts';

/**
 * Email templates are files a shop can edit: `<name>.txt` (its first line `Subject: …`) and, optionally,
 * `<name>.html`, rendered with Mustache (HTML escaped in the .html, not in the .txt). They are read
 * from EMAIL_TEMPLATES_DIR, falling back to the ones shipped in templates/emails.
 */
const SHIPPED = path.join(packageRoot, 'templates', 'emails');

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string | null;
}

function read(dirs: string[], file: string): string | null {
  for (const dir of dirs) {
    const full = path.join(dir, file);
    if (fs.existsSync(full)) return fs.readFileSync(full, 'utf8');
  }
  return null;
}

export function renderEmail(name: string, view: object, templatesDir: string | null): RenderedEmail {
  const dirs = [...(templatesDir ? [templatesDir] : []), SHIPPED];
  const text = read(dirs, `${name}.txt`);
  if (text === null) throw new Error(`no email template ${name}.txt`);
  const [first, ...rest] = text.split('\n');
  const subject = /^Subject:\s*(.*)$/.exec(first)?.[1];
  if (subject === undefined) throw new Error(`${name}.txt must start with a "Subject:" line`);
  const html = read(dirs, `${name}.html`);
  return {
    subject: Mustache.render(subject, view, {}, { escape: (s: string) => s }),
    text: Mustache.render(rest.join('\n').trimStart(), view, {}, { escape: (s: string) => s }),
    html: html === null ? null : Mustache.render(html, view),
  };
}

