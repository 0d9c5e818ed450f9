import type { TestProject } from 'vitest/node';
import { createDb } from '../create-db.ts';
import { destroyCluster, startCluster } from './postgres-cluster.ts';

export const TEMPLATE_DATABASE = 'bunkai_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplateUrl: string;
  }
}

/** Starts one cluster for the whole postgres project and migrates a template database once. */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  const admin = await createDb({ databaseUrl: cluster.url('postgres') });
  await admin.db.execute(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.close();
  const template = await createDb({ databaseUrl: cluster.url(TEMPLATE_DATABASE) });
  await template.migrate();
  await template.close();
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  project.provide('postgresTemplateUrl', cluster.url(TEMPLATE_DATABASE));
  return () => destroyCluster(cluster);
}
