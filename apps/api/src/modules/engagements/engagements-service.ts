import { CATALOG_VERSION, getTemplate } from '@bunkai/catalog';
import {
  type TCreateEngagementRequest,
  type TEngagementSummary,
  type TUpdateEngagementRequest,
  type TEngagementSnapshot,
  type TFinding,
  conflict,
  forbidden,
  validationError,
} from '@bunkai/domain';
import { type Db, engagementsRepository, organizationsRepository, partiesRepository, toEngagement, toParty } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import { recordEvent } from '../events/index.ts';
import type { Actor } from '../../plugins/auth.ts';
import { instantiateTemplate } from './template-instantiation.ts';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  /** How many inbox items wait for the caller in an engagement (the inbox module's count). */
  waiting: (actor: Actor, engagementId: string) => Promise<number>;
  /** The engagement's snapshot and findings as the matrix read keeps them (the cells module's matrix cache). */
  matrix: (engagementId: string) => Promise<{ snapshot: TEngagementSnapshot; findings: readonly TFinding[] }>;
};

export const createEngagementsService = ({ db, access, waiting, matrix }: Deps) => {
  const engagementsRepo = engagementsRepository(db);
  const partiesRepo = partiesRepository(db);
  const organizationsRepo = organizationsRepository(db);

  const summarize = async (engagementId: string, actor: Actor): Promise<TEngagementSummary> => {
    const a = await access.load(actor, engagementId);
    const { snapshot, findings } = await matrix(engagementId);
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
        const org = await organizationsRepo.findById(actor.organizationId, tx);
        if (org?.kind !== 'hospital' || actor.orgRole !== 'admin')
          throw forbidden('hospital_admin_only', 'Engagements are started by an administrator of a hospital organization.');
        const engagement = await engagementsRepo.insert(
          {
            ownerOrganizationId: org.id,
            title: input.title,
            systemName: input.systemName,
            description: input.description,
            serviceModel: input.serviceModel ?? template?.serviceModel ?? 'on_prem',
            provisionPattern: input.provisionPattern ?? template?.provisionPattern ?? 'separate_contracts',
            requireTwoFactorToSign: input.requireTwoFactorToSign,
            catalogVersion: template ? CATALOG_VERSION : null,
            templateCode: template?.code ?? null,
          },
          tx,
        );
        const hospital = await partiesRepo.insert({ engagementId: engagement.id, organizationId: org.id, role: 'hospital', displayName: org.name, position: 0 }, tx);
        const counts = template ? await instantiateTemplate(tx, engagement.id, hospital, template, engagement.createdAt) : null;
        await recordEvent(tx, { actor, party: hospital, engagement }, {
          type: 'engagement.created',
          subjectId: engagement.id,
          payload: { title: input.title, systemName: input.systemName, templateCode: template?.code ?? null, counts },
        });
        return engagement;
      });
      return { engagement: toEngagement(result) };
    },

    /** Engagements the caller's organization is a party to (or owns). */
    list: async (actor: Actor, includeArchived: boolean) => {
      const ids = await engagementsRepo.listVisibleIds({ organizationId: actor.organizationId, userId: actor.userId, isAdmin: actor.orgRole === 'admin' }, includeArchived);
      return { engagements: await Promise.all(ids.map(async (id) => ({ ...(await summarize(id, actor)), waiting: await waiting(actor, id) }))) };
    },

    get: async (actor: Actor, engagementId: string) => {
      const summary = await summarize(engagementId, actor);
      const partyRows = await partiesRepo.listByEngagement(engagementId);
      return { engagement: summary, parties: partyRows.map(toParty) };
    },

    update: async (actor: Actor, engagementId: string, input: TUpdateEngagementRequest) => {
      const row = await db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'engagement:update', tx);
        const { version, ...changes } = input;
        const updated = await engagementsRepo.updateVersioned(engagementId, version, changes, tx);
        if (!updated) {
          throw conflict('stale_version', `Engagement ${engagementId} was changed by someone else (you sent version ${version}); reload it.`, {
            current: toEngagement(a.engagement),
          });
        }
        await recordEvent(tx, a, { type: input.archived ? 'engagement.archived' : 'engagement.updated', subjectId: engagementId, payload: { changes: input } });
        return updated;
      });
      return { engagement: toEngagement(row) };
    },
  };
};
export type EngagementsService = ReturnType<typeof createEngagementsService>;
