import type { Generated } from 'kysely';
import type { CreatedAt, NullableJson, NullableTimestamp, Timestamp } from '../../db/column-types.ts';

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
  last_result: NullableJson<Record<string, unknown>>;
  run_count: Generated<number>;
  failure_count: Generated<number>;
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
  result: NullableJson<Record<string, unknown>>;
}

export interface JobsTables {
  scheduled_job: ScheduledJobTable;
  job_run: JobRunTable;
}

declare module '../../db/database.ts' {
  interface Database extends JobsTables {}
}
