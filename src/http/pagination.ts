import { AppError } from '../errors.ts';

/**
 * Cursors are opaque to clients: base64url of a JSON array of the position values the list's service
 * understands (a sort key and an id, or an offset). Services check the decoded shape.
 */
export function encodeCursor(position: unknown[] | null): string | null {
  return position ? Buffer.from(JSON.stringify(position)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
}
