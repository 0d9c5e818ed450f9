export { type EnqueueJob, type JobContext, type JobHandler, type JobQueue, PermanentJobError, backoffDelay, createJobQueue } from './job-queue.ts';
import './decorate.ts';
