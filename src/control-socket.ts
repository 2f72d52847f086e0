import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { embeddedSnapshot } from './db/backup.ts';
import type { DatabaseHandle } from './db/connection.ts';

/**
 * How `cartwright` commands reach a shop running on the embedded database, whose data directory only
 * that shop may open: a Unix socket in DATA_DIR, readable by the shop's own OS user only (0600). One
 * request per connection, a line naming it; the answer streams back, or `ERR <message>`. Requests:
 * `backup` (the database as a gzipped tarball).
 */
const MAX_SOCKET_PATH = 107; // the longest Unix socket path Linux accepts

export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, 'cartwright.sock');
}

/** Serves the control socket; resolves with the function that stops it, or null when DATA_DIR's path is too long for a socket. */
export async function serveControlSocket(dataDir: string, database: DatabaseHandle, onError: (error: Error) => void): Promise<(() => Promise<void>) | null> {
  const file = controlSocketPath(dataDir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) return null;
  fs.rmSync(file, { force: true }); // left by a process that died; this one holds the data directory's lock
  const server = net.createServer((socket) => {
    let request = '';
    socket.on('error', () => {});
    socket.on('data', async (chunk) => {
      request += chunk;
      if (!request.includes('\n')) return;
      socket.pause();
      try {
        if (request.trim() !== 'backup') throw new Error(`unknown request "${request.trim()}"`);
        socket.end(Buffer.from(await (await embeddedSnapshot(database)).arrayBuffer()));
      } catch (error) {
        onError(error as Error);
        socket.end(`ERR ${(error as Error).message}\n`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
  fs.chmodSync(file, 0o600);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Asks the shop running on `dataDir` for `request` and writes its answer to `output`. */
export async function askRunningShop(dataDir: string, request: 'backup', output: Writable): Promise<void> {
  const socket = net.connect(controlSocketPath(dataDir));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', (error) => reject(new Error(`the running shop did not answer on ${controlSocketPath(dataDir)}: ${error.message}`)));
    socket.once('connect', () => socket.write(`${request}\n`));
    let first = true;
    socket.on('data', (chunk: Buffer) => {
      if (first && chunk.subarray(0, 4).toString() === 'ERR ') {
        socket.destroy();
        reject(new Error(`the running shop refused: ${chunk.subarray(4).toString().trim()}`));
        return;
      }
      first = false;
      output.write(chunk);
    });
    socket.once('end', () => output.end(resolve));
  });
}
