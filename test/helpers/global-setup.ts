import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { routeErrors } from '../../src/http/route-errors.ts';
import { findDisabledTests } from './disabled-tests.ts';
import { readErrorRecords, unlistedErrors, writeRouteErrors } from './error-record.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded: a file holding a migrated PGlite data directory that each test file loads. */
    pgliteTemplate: string;
    /** Server: a migrated template database each test file copies (CREATE DATABASE … TEMPLATE). */
    pgTemplateDatabase: string;
  }
}

/** Before the first test: refuse tests switched off, start recording error codes, migrate once. */
export default async function setup(project: TestProject) {
  // A test switched off by hand is a test that cannot fail: the run stops before it starts.
  const disabled = findDisabledTests(path.resolve(import.meta.dirname, '../..'));
  if (disabled.length) throw new Error(`tests switched off by hand (.only, .skip, .todo, x…):\n${disabled.join('\n')}`);
  const checkErrors = recordErrorCodes();
  const teardown = await prepareDatabase(project);
  return async () => {
    await teardown();
    checkErrors();
  };
}

/**
 * The test processes (forked after this) record the error codes routes answer; at the end, a code
 * an operation's OpenAPI entry does not list fails the run (vitest ignores a teardown that throws,
 * so the exit code says it) — or, with UPDATE_ROUTE_ERRORS=1, is added to the list.
 */
function recordErrorCodes(): () => void {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-errors-'));
  process.env.CARTWRIGHT_ERROR_RECORD = directory;
  return () => {
    const update = process.env.UPDATE_ROUTE_ERRORS === '1';
    const seen = readErrorRecords(directory, { withVarying: update });
    fs.rmSync(directory, { recursive: true, force: true });
    if (update) return writeRouteErrors(routeErrors, seen);
    const unlisted = unlistedErrors(routeErrors, seen);
    if (!unlisted.length) return;
    console.error(`Routes answered error codes their OpenAPI entry does not list (src/http/route-errors.ts; npm run docs:route-errors adds them):\n  ${unlisted.join('\n  ')}`);
    process.exitCode = 1;
  };
}

/**
 * Migrates once per run, so each test file starts from a ready schema in well under a second instead
 * of paying PGlite's initdb or the whole migration set again.
 */
async function prepareDatabase(project: TestProject): Promise<() => unknown> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `cw_tpl_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('pgTemplateDatabase', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'embedded', memory: true });
  await migrateToLatest(database.db);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDatabase', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
