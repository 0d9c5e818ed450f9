import type { JobQueue } from './job-queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's job queue (tests drive it with `runDue()`). */
    jobs: JobQueue;
  }
}
