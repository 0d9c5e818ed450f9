import { and, count, eq, isNotNull, or, sql } from 'drizzle-orm';
import { CATALOG_VERSION, getTemplate } from '@bunkai/catalog';
import {
  type TCreateEngagementRequest,
  type TEngagementSummary,
  type TUpdateEngagementRequest,
  computeFindings,
  conflict,
  forbidden,
  validationError,
} from '@bunkai/domain';
import { type Db, cells, engagements, organizations, parties } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import { recordEvent } from '../events/index.ts';
import { toEngagement, toParty } from '@bunkai/db';
import { loadSnapshot } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';
import { instantiateTemplate } from './template-instantiation.ts';

type Deps = { db: Db; access: EngagementAccessService };

export const createEngagementsService = ({ db, access }: Deps) => {
  const summarize = async (engagementId: string, actor: Actor): Promise<TEngagementSummary> => {
    const a = await access.load(actor, engagementId);
    const { snapshot } = await loadSnapshot(db, engagementId);
    const findings = computeFindings(snapshot);
    return {
      ...toEngagement(a.engagement),
      myRoles: a.roles,
      myPartyId: a.party?.id ?? null,
      progress: {
        total: snapshot.cells.length,
        agreed: snapshot.cells.filter((c) => c.status === 'agreed').length,
        notApplicable: snapshot.cells.filter((c) => c.status === 'not_applicable').length,
      },
      blockingFindings: findings.filter((f) => f.severity === 'blocking').length,
      parties: snapshot.parties.map((p) => ({ id: p.id, role: p.role, displayName: p.displayName, organizationId: p.organizationId })),
    };
  };

  return {
    create: async (actor: Actor, input: TCreateEngagementRequest) => {
      const template = input.templateCode ? getTemplate(input.templateCode) : undefined;
      if (input.templateCode && !template) throw validationError('unknown_template', `No catalog template ${input.templateCode}.`);
      const result = await db.transaction(async (tx) => {
        const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
        if (org?.kind !== 'hospital' || actor.orgRole !== 'admin')
          throw forbidden('hospital_admin_only', 'Engagements are started by an administrator of a hospital organization.');
        const [engagement] = await tx
          .insert(engagements)
          .values({
            ownerOrganizationId: org.id,
            title: input.title,
            systemName: input.systemName,
            description: input.description,
            serviceModel: input.serviceModel ?? template?.serviceModel ?? 'on_prem',
            provisionPattern: input.provisionPattern ?? template?.provisionPattern ?? 'separate_contracts',
            requireTwoFactorToSign: input.requireTwoFactorToSign,
            catalogVersion: template ? CATALOG_VERSION : null,
            templateCode: template?.code ?? null,
          })
          .returning();
        const [hospital] = await tx
          .insert(parties)
          .values({ engagementId: engagement!.id, organizationId: org.id, role: 'hospital', displayName: org.name, position: 0 })
          .returning();
        const counts = template ? await instantiateTemplate(tx, engagement!.id, hospital!, template, engagement!.createdAt) : null;
        await recordEvent(tx, { actor, party: hospital!, engagement: engagement! }, {
          type: 'engagement.created',
          subjectId: engagement!.id,
          payload: { title: input.title, systemName: input.systemName, templateCode: template?.code ?? null, counts },
        });
        return engagement!;
      });
      return { engagement: toEngagement(result) };
    },

    /** Engagements the caller's organization is a party to (or owns). */
    list: async (actor: Actor, includeArchived: boolean) => {
      const rows = await db
        .selectDistinct({ id: engagements.id, createdAt: engagements.createdAt })
        .from(engagements)
        .leftJoin(parties, and(eq(parties.engagementId, engagements.id), eq(parties.organizationId, actor.organizationId)))
        .where(
          and(
            or(isNotNull(parties.id), and(eq(engagements.ownerOrganizationId, actor.organizationId), sql`${actor.orgRole} = 'admin'`)),
            includeArchived ? undefined : sql`${engagements.archivedAt} is null`,
          ),
        )
        .orderBy(sql`${engagements.createdAt} desc`);
      return { engagements: await Promise.all(rows.map((r) => summarize(r.id, actor))) };
    },

    get: async (actor: Actor, engagementId: string) => {
      const summary = await summarize(engagementId, actor);
      const partyRows = await db.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(parties.position);
      return { engagement: summary, parties: partyRows.map(toParty) };
    },

    update: async (actor: Actor, engagementId: string, input: TUpdateEngagementRequest) => {
      const row = await db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'engagement:update', tx);
        const { version, archived, ...fields } = input;
        const set = {
          ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
          ...(archived === undefined ? {} : { archivedAt: archived ? sql`now()` : null }),
          version: sql`${engagements.version} + 1`,
          updatedAt: sql`now()`,
        };
        const [updated] = await tx
          .update(engagements)
          .set(set)
          .where(and(eq(engagements.id, engagementId), eq(engagements.version, version)))
          .returning();
        if (!updated) {
          throw conflict('stale_version', `Engagement ${engagementId} was changed by someone else (you sent version ${version}); reload it.`, {
            current: toEngagement(a.engagement),
          });
        }
        await recordEvent(tx, a, { type: archived ? 'engagement.archived' : 'engagement.updated', subjectId: engagementId, payload: { changes: input } });
        return updated;
      });
      return { engagement: toEngagement(row) };
    },

    /** Cell counts per status, engagement-wide (used by progress endpoints). */
    statusCounts: async (engagementId: string) =>
      db.select({ status: cells.status, n: count() }).from(cells).where(eq(cells.engagementId, engagementId)).groupBy(cells.status),
  };
};
export type EngagementsService = ReturnType<typeof createEngagementsService>;
