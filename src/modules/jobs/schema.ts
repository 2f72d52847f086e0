import type { ColumnType } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../db/column-types.ts';

type Counter = ColumnType<number, number | undefined, number>;
type JsonResult = ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;

/**
 * A recurring job's lease and last outcome. A process runs the job only after claiming this row with
 * a conditional UPDATE (due, and nobody's lease running), which also moves `next_run_at` on a period:
 * one run per period across the cluster.
 */
export interface ScheduledJobTable {
  name: string;
  interval_ms: number;
  next_run_at: Timestamp;
  locked_until: NullableTimestamp;
  locked_by: string | null;
  last_started_at: NullableTimestamp;
  last_finished_at: NullableTimestamp;
  last_duration_ms: number | null;
  last_status: 'succeeded' | 'failed' | null;
  last_error: string | null;
  last_result: JsonResult;
  run_count: Counter;
  failure_count: Counter;
  updated_at: CreatedAt;
}

/** The history of runs (kept a week): which process ran a job, when, and how it went. */
export interface JobRunTable {
  id: string;
  job_name: string;
  process_id: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  duration_ms: number;
  status: 'succeeded' | 'failed';
  error: string | null;
  result: JsonResult;
}

export interface JobsTables {
  scheduled_job: ScheduledJobTable;
  job_run: JobRunTable;
}

declare module '../../db/database.ts' {
  interface Database extends JobsTables {}
}
