import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { DateTime } from '../../shapes.ts';
import { builtInJobs, jobDescriptions } from './built-in-jobs.ts';
import { getJobOrThrow, listJobRuns, listJobs, requestJobRun } from './scheduler.ts';
import { Job } from './shapes.ts';

const tags = ['admin: jobs'];
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const JobRun = Type.Object({
  id: Type.String(),
  process_id: Type.String({ description: 'host:pid:tag of the process that ran it' }),
  started_at: DateTime,
  finished_at: DateTime,
  duration_ms: Type.Integer(),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
  error: Nullable(Type.String()),
  result: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
const JobParams = Type.Object({ name: Type.String({ pattern: '^[a-z_]{1,100}$' }) });

/** The scheduler's jobs: last run, duration and outcome; run one now (docs/jobs.md). */
export const adminJobRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db, config, paymentProviders }) => {
  const descriptions = jobDescriptions(builtInJobs({ db, providers: paymentProviders, config }));
  app.get('/jobs', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'Every scheduled job with its last run', response: { 200: Type.Object({ data: Type.Array(Job) }), ...errorResponses } },
  }, async () => ({ data: await listJobs(db, descriptions) }));
  app.get('/jobs/:name', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'One job', params: JobParams, response: { 200: Job, ...errorResponses } },
  }, async (request) => getJobOrThrow(db, request.params.name, descriptions));
  app.get('/jobs/:name/runs', {
    config: { permission: 'settings:read' },
    schema: {
      tags, summary: 'The job\'s recent runs, newest first (kept a week)', params: JobParams,
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(JobRun) }), ...errorResponses },
    },
  }, async (request) => ({ data: await listJobRuns(db, request.params.name, request.query.limit) }));
  app.post('/jobs/:name/run', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Run the job now (on whichever process ticks first; not while it is running)', params: JobParams, response: { 202: Job, ...errorResponses } },
  }, async (request, reply) => {
    await requestJobRun(db, request.params.name);
    return reply.code(202).send(await getJobOrThrow(db, request.params.name, descriptions));
  });
};
