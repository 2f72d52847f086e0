import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { millis } from '../../db/intervals.ts';
import { AppError } from '../../errors.ts';
import type { WorkLog } from '../../db/work-loop.ts';

/**
 * Recurring work that runs on exactly one process at a time across the cluster. Every process ticks;
 * a job runs where a conditional UPDATE of its row succeeds — the job is due and nobody's lease is
 * running — and that same statement moves `next_run_at` one period on, so the period's run is taken
 * once, whichever process gets there first. The lease is renewed while the job runs; a process that
 * dies mid-run leaves it to expire, and the job runs again at its next due time (every job is safe
 * to run again: they re-check under row locks). Works the same on PGlite (one process).
 */
export interface JobDefinition {
  /** Stable key: its row, the API and JOB_INTERVALS use it. */
  name: string;
  description: string;
  /** The period; 0: this process never runs it. */
  intervalMs: number;
  /** Runs once; returns figures for GET /admin/jobs (`{ holds_released: 3 }`). */
  run(signal: AbortSignal): Promise<Record<string, unknown> | void>;
}

// Renewed every third of it while a job runs, so a long run keeps it; short, so a process killed
// mid-run holds the job up for 30 s at most (the ledger's seal runs every few seconds to a minute).
const DEFAULT_LEASE_MS = 30_000;
const RUN_HISTORY_DAYS = 7;

export interface SchedulerOptions {
  db: Db;
  jobs: readonly JobDefinition[];
  processId: string;
  log: WorkLog;
  leaseMs?: number;
}

export interface Scheduler {
  /** Claims and runs the jobs that are due now; resolves when they have finished. */
  tick(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Creates each job's row (due at once on a new shop) and records the period this process runs it at (a process that never runs a job leaves its row as others set it). */
export async function registerJobs(db: Db, jobs: readonly JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    await sql`
      insert into scheduled_job (name, interval_ms, next_run_at) values (${job.name}, ${job.intervalMs}, now())
      on conflict (name) do update set interval_ms = excluded.interval_ms,
        next_run_at = least(scheduled_job.next_run_at, now() + ${millis(job.intervalMs)}), updated_at = now()
      where excluded.interval_ms > 0`.execute(db);
  }
}

/** A job's row is due and no process holds its lease: what a claim requires, and what dueJobs asks. */
const dueAndFree = sql`next_run_at <= now() and (locked_until is null or locked_until < now())`;

/**
 * Claims `job` if it is due and free. The next run is one period after the due time (keeping the
 * cadence), or one period from now when the schedule fell behind (the shop was down).
 */
async function claim(db: Db, job: JobDefinition, processId: string, leaseMs: number): Promise<boolean> {
  const period = millis(job.intervalMs);
  const claimed = await sql`
    update scheduled_job set locked_until = now() + ${millis(leaseMs)}, locked_by = ${processId}, last_started_at = now(),
      next_run_at = case when next_run_at + ${period} > now() then next_run_at + ${period} else now() + ${period} end,
      updated_at = now()
    where name = ${job.name} and ${dueAndFree}`.execute(db);
  return Number(claimed.numAffectedRows ?? 0) === 1;
}

/**
 * The jobs due now and free, in one statement: an idle tick asks once for all of them, not once each
 * (each claim is still its own conditional update, which another process may win).
 */
async function dueJobs(db: Db, jobs: readonly JobDefinition[]): Promise<JobDefinition[]> {
  if (jobs.length < 2) return [...jobs];
  const { rows } = await sql<{ name: string }>`
    select name from scheduled_job
    where name = any(${jobs.map((j) => j.name)}::text[]) and ${dueAndFree}`.execute(db);
  const due = new Set(rows.map((row) => row.name));
  return jobs.filter((j) => due.has(j.name));
}

async function runClaimed(db: Db, job: JobDefinition, processId: string, leaseMs: number, signal: AbortSignal, log: WorkLog): Promise<void> {
  const started = new Date();
  const renew = setInterval(() => {
    db.updateTable('scheduled_job').set({ locked_until: sql<Date>`now() + ${millis(leaseMs)}` })
      .where('name', '=', job.name).where('locked_by', '=', processId).execute()
      .catch((error) => log.warn({ err: error, job: job.name }, 'could not renew the job lease'));
  }, Math.max(leaseMs / 3, 50));
  renew.unref();
  let result: Record<string, unknown> | null = null;
  let error: string | null = null;
  try {
    result = (await job.run(signal)) ?? null;
  } catch (failure) {
    error = String(failure instanceof Error ? failure.message : failure).slice(0, 2000);
    log.error({ err: failure, job: job.name }, `job ${job.name} failed`);
  } finally {
    clearInterval(renew);
  }
  const finished = new Date();
  const duration = finished.getTime() - started.getTime();
  const status = error === null ? 'succeeded' : 'failed';
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('scheduled_job').set({
      locked_until: null, locked_by: null, last_finished_at: finished, last_duration_ms: duration, last_status: status,
      last_error: error, last_result: result && JSON.stringify(result),
      run_count: sql<number>`run_count + 1`, failure_count: sql<number>`failure_count + ${error === null ? 0 : 1}`, updated_at: finished,
    }).where('name', '=', job.name).where('locked_by', '=', processId).execute();
    await tx.insertInto('job_run').values({
      id: newId('jrun'), job_name: job.name, process_id: processId, started_at: started, finished_at: finished,
      duration_ms: duration, status, error, result: result && JSON.stringify(result),
    }).execute();
    await tx.deleteFrom('job_run').where('job_name', '=', job.name)
      .where('started_at', '<', new Date(finished.getTime() - RUN_HISTORY_DAYS * 86_400_000)).execute();
  });
}

/**
 * Starts this process's scheduler: every tick it claims the due jobs it runs and runs them (each job
 * at most once at a time here too). The tick is a second, or half the shortest period.
 */
export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const jobs = options.jobs.filter((j) => j.intervalMs > 0);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  await registerJobs(options.db, options.jobs);
  const abort = new AbortController();
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  /** Claims the due jobs and starts them; a long job does not hold back the next claims. */
  const claimDue = async (): Promise<string[]> => {
    const started: string[] = [];
    for (const job of await dueJobs(options.db, jobs.filter((j) => !running.has(j.name)))) {
      if (stopped) break;
      if (!(await claim(options.db, job, options.processId, leaseMs))) continue;
      const run = runClaimed(options.db, job, options.processId, leaseMs, abort.signal, options.log)
        .catch((error) => options.log.error({ err: error, job: job.name }, 'could not record the job run'))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
      started.push(job.name);
    }
    return started;
  };
  const tick = async (): Promise<string[]> => {
    const started = await claimDue();
    await Promise.all(started.map((name) => running.get(name)));
    return started;
  };

  const tickMs = Math.max(50, Math.min(1000, ...jobs.map((j) => j.intervalMs / 2)));
  let ticking: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // Ticks never pile up: each waits for the claims of the one before.
    ticking = ticking.then(claimDue).catch((error) => options.log.error({ err: error }, 'scheduler tick failed'));
  }, tickMs);
  timer.unref();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      abort.abort();
      await Promise.all([...running.values()]);
    },
  };
}

export interface JobStatus {
  name: string;
  description: string | null;
  interval_ms: number;
  running: boolean;
  next_run_at: Date;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_duration_ms: number | null;
  last_status: 'succeeded' | 'failed' | null;
  last_error: string | null;
  last_result: Record<string, unknown> | null;
  run_count: number;
  failure_count: number;
}

const statusColumns = ['name', 'interval_ms', 'locked_until', 'next_run_at', 'last_started_at', 'last_finished_at', 'last_duration_ms', 'last_status', 'last_error', 'last_result', 'run_count', 'failure_count'] as const;

/** Every job with its last run, by name; `descriptions` come from the code (a job no process defines any more shows none). */
export async function listJobs(db: Db, descriptions: ReadonlyMap<string, string>): Promise<JobStatus[]> {
  const rows = await db.selectFrom('scheduled_job').select(statusColumns).select(sql<boolean>`coalesce(locked_until > now(), false)`.as('running'))
    .orderBy('name').execute();
  return rows.map(({ locked_until: _l, ...row }) => ({ ...row, description: descriptions.get(row.name) ?? null }));
}

export async function getJobOrThrow(db: Db, name: string, descriptions: ReadonlyMap<string, string>): Promise<JobStatus> {
  const job = (await listJobs(db, descriptions)).find((j) => j.name === name);
  if (!job) throw new AppError('job_not_found', { name });
  return job;
}

/** The job's recent runs, newest first (a week is kept). */
export async function listJobRuns(db: Db, name: string, limit: number) {
  const exists = await db.selectFrom('scheduled_job').select('name').where('name', '=', name).executeTakeFirst();
  if (!exists) throw new AppError('job_not_found', { name });
  return db.selectFrom('job_run').select(['id', 'process_id', 'started_at', 'finished_at', 'duration_ms', 'status', 'error', 'result'])
    .where('job_name', '=', name).orderBy('started_at', 'desc').limit(limit).execute();
}

/** Makes the job due now: the next scheduler tick on any process runs it (unless it is running). */
export async function requestJobRun(db: Db, name: string): Promise<void> {
  const updated = await db.updateTable('scheduled_job').set({ next_run_at: sql<Date>`now()`, updated_at: new Date() }).where('name', '=', name).executeTakeFirst();
  if (!Number(updated.numUpdatedRows)) throw new AppError('job_not_found', { name });
}
