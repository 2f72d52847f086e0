import { Type, type TSchema } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A scheduled job with its last run, as the Admin API shows it. */
export const Job = Type.Object({
  name: Type.String(),
  description: Nullable(Type.String()),
  interval_ms: Type.Integer({ description: 'the period; 0: off' }),
  running: Type.Boolean({ description: 'a process holds its lease right now' }),
  next_run_at: DateTime,
  last_started_at: Nullable(DateTime),
  last_finished_at: Nullable(DateTime),
  last_duration_ms: Nullable(Type.Integer()),
  last_status: Nullable(Type.Union([Type.Literal('succeeded'), Type.Literal('failed')])),
  last_error: Nullable(Type.String()),
  last_result: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'what the run did, in figures' })),
  run_count: Type.Integer(),
  failure_count: Type.Integer(),
});
