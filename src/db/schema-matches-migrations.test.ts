import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database.ts';

/**
 * Each table is written twice: as a Kysely type in its module's schema.ts (what the code compiles
 * against) and as DDL in a migration (what the database holds). This test reads both — the types
 * through the TypeScript compiler, the migrated database through information_schema — and requires
 * the same tables, the same columns, compatible types and the same nullability; a column that the
 * types let an insert leave out must have a default in the database. Runs on the embedded database
 * and, with TEST_DATABASE_URL, on the server.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a column holds, as both sides can say it. */
type Kind = 'string' | 'number' | 'boolean' | 'date' | 'json' | `${'string' | 'number' | 'boolean' | 'date' | 'json'}[]`;

interface Column {
  kind: Kind;
  nullable: boolean;
  /** The insert may leave it out (the types say optional or never). */
  insertOptional: boolean;
}

type Schema = Record<string, Record<string, Column>>;

/** The Database interface as the modules' schema.ts files fill it, read by the TypeScript compiler. */
function declaredSchema(): Schema {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const modules = path.join(ROOT, 'src/modules');
  const schemaFiles = fs.readdirSync(modules).map((name) => path.join(modules, name, 'schema.ts')).filter((file) => fs.existsSync(file));
  const databaseFile = path.join(ROOT, 'src/db/database.ts');
  const program = ts.createProgram([databaseFile, ...schemaFiles], parsed.options);
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(databaseFile)!)!;
  const database = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Database')!;

  const members = (type: ts.Type) => (type.isUnion() ? type.types : [type]);
  const kindOf = (type: ts.Type): Kind => {
    const kinds = new Set(members(type).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))).map((t): Kind => {
      if (t.flags & ts.TypeFlags.StringLike) return 'string';
      if (t.flags & ts.TypeFlags.NumberLike) return 'number';
      if (t.flags & ts.TypeFlags.BooleanLike) return 'boolean';
      if (t.getSymbol()?.name === 'Date') return 'date';
      if (checker.isArrayType(t)) return `${kindOf(checker.getTypeArguments(t as ts.TypeReference)[0]) as 'string'}[]`;
      return 'json';
    }));
    if (kinds.size !== 1) throw new Error(`a column type mixes ${[...kinds].join(' and ')}`);
    return [...kinds][0];
  };
  const has = (type: ts.Type, flag: ts.TypeFlags) => members(type).some((t) => t.flags & flag);

  const schema: Schema = {};
  for (const table of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(database))) {
    schema[table.name] = {};
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      const type = checker.getTypeOfSymbol(column);
      // ColumnType<Select, Insert, Update> carries its three types as brand properties.
      const part = (name: string) => {
        const brand = checker.getPropertyOfType(type, name);
        return brand ? checker.getTypeOfSymbol(brand) : type;
      };
      const select = part('__select__');
      const insert = part('__insert__');
      schema[table.name][column.name] = {
        kind: kindOf(select),
        nullable: has(select, ts.TypeFlags.Null),
        insertOptional: has(insert, ts.TypeFlags.Undefined | ts.TypeFlags.Never | ts.TypeFlags.Null) || column.flags & ts.SymbolFlags.Optional ? true : false,
      };
    }
  }
  return schema;
}

/** What each database type reads as (both drivers parse int8 and numeric to numbers here). */
const DATABASE_KINDS: Record<string, Kind> = {
  text: 'string', varchar: 'string', bpchar: 'string', tsvector: 'string',
  int2: 'number', int4: 'number', int8: 'number', numeric: 'number', float4: 'number', float8: 'number',
  bool: 'boolean',
  timestamptz: 'date', timestamp: 'date', date: 'date',
  jsonb: 'json', json: 'json',
};

interface MigratedColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  has_default: boolean;
}

/** The tables the migrations made, read back from information_schema. */
async function migratedSchema(database: TestDatabase): Promise<Record<string, Record<string, MigratedColumn>>> {
  const { rows } = await sql<MigratedColumn>`
    select c.table_name, c.column_name, c.udt_name, c.is_nullable,
      (c.column_default is not null or c.is_identity = 'YES' or c.is_generated = 'ALWAYS') as has_default
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.table_name not like 'kysely_migration%'
    order by c.table_name, c.ordinal_position`.execute(database.handle.db);
  const schema: Record<string, Record<string, MigratedColumn>> = {};
  for (const row of rows) (schema[row.table_name] ??= {})[row.column_name] = row;
  return schema;
}

/** A migrated column in the declared form: jsonb may hold any JSON value, arrays included. */
function fits(declared: Column, migrated: MigratedColumn): boolean {
  const array = migrated.udt_name.startsWith('_');
  const kind = DATABASE_KINDS[array ? migrated.udt_name.slice(1) : migrated.udt_name];
  if (!kind) return false;
  if (kind === 'json') return declared.kind === 'json' || declared.kind.endsWith('[]');
  return declared.kind === (array ? `${kind}[]` : kind);
}

let database: TestDatabase;
let declared: Schema;
let migrated: Record<string, Record<string, MigratedColumn>>;

beforeAll(async () => {
  database = await createTestDatabase();
  declared = declaredSchema();
  migrated = await migratedSchema(database);
});
afterAll(async () => {
  await database?.close();
});

test('the same tables, each with the same columns', () => {
  const columnsOf = (schema: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.keys(schema).sort().map((table) => [table, Object.keys(schema[table]).sort()]));
  expect(columnsOf(declared)).toEqual(columnsOf(migrated));
});

test('every column: a type that reads as the declared one, the same nullability, a default where an insert may leave it out', () => {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(declared)) {
    for (const [name, column] of Object.entries(columns)) {
      const actual = migrated[table]?.[name];
      if (!actual) continue; // the test above names it
      const where = `${table}.${name}`;
      if (!fits(column, actual)) problems.push(`${where}: declared ${column.kind}, migrated ${actual.udt_name}`);
      if (column.nullable !== (actual.is_nullable === 'YES')) {
        problems.push(`${where}: declared ${column.nullable ? 'nullable' : 'not null'}, migrated ${actual.is_nullable === 'YES' ? 'nullable' : 'not null'}`);
      }
      if (column.insertOptional && !actual.has_default && actual.is_nullable === 'NO') {
        problems.push(`${where}: an insert may leave it out (Generated or optional), but it is not null without a default`);
      }
    }
  }
  expect(problems).toEqual([]);
});
