import { CATALOG_VERSION, type TCatalogTemplate, expandTemplate, getDuty, placeTemplateDuty, resolveTemplateDate } from '@bunkai/catalog';
import { type TAssignment, type TDutyDefinition, EMPTY_TERMS, normalizeAssignment, validationError } from '@bunkai/domain';
import { type Db, assets, cells, duties, parties, proposals } from '@bunkai/db';

type PartyRow = typeof parties.$inferSelect;

/** Columns of a duty copied from a catalog definition (the engagement keeps its own copy). */
export const dutyValuesFrom = (engagementId: string, d: TDutyDefinition, catalogVersion: string | null) => ({
  engagementId,
  code: d.code,
  titleJa: d.title.ja,
  titleEn: d.title.en,
  descriptionJa: d.description.ja,
  descriptionEn: d.description.en,
  phase: d.phase,
  category: d.category,
  appliesTo: [...d.appliesTo],
  concerns: [...(d.concerns ?? [])],
  kakuninhyoPart: d.kakuninhyoPart,
  sortOrder: d.order,
  references: d.references,
  catalogVersion,
});

const chunked = async <T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
};

/**
 * Creates a template's placeholder parties, assets, duties and cells, and its
 * suggested splits as open proposals (never as agreed cells). The hospital
 * party already exists; template parties of role `hospital` map onto it.
 */
export const instantiateTemplate = async (tx: Db, engagementId: string, hospital: PartyRow, template: TCatalogTemplate, createdOn: string | Date) => {
  const partyIdByKey = new Map<string, string>();
  let position = 1;
  for (const p of template.parties) {
    if (p.role === 'hospital') {
      partyIdByKey.set(p.key, hospital.id);
      continue;
    }
    const [row] = await tx
      .insert(parties)
      .values({ engagementId, role: p.role, displayName: p.displayName.ja, position: position++ })
      .returning({ id: parties.id });
    partyIdByKey.set(p.key, row!.id);
  }

  const assetRows = await tx
    .insert(assets)
    .values(
      template.assets.map((a, i) => ({
        engagementId,
        name: a.name,
        category: a.category,
        ownerPartyId: a.ownerPartyKey ? (partyIdByKey.get(a.ownerPartyKey) ?? null) : null,
        vendor: a.vendor ?? '',
        model: a.model ?? '',
        assetVersion: a.assetVersion ?? '',
        // Template dates are relative to the engagement's creation day.
        supportEndsOn: resolveTemplateDate(a.supportEndsOn, createdOn),
        position: i,
      })),
    )
    .returning();
  const assetIdByKey = new Map(template.assets.map((a, i) => [a.key, assetRows[i]!.id]));

  const definitions = template.dutyCodes.map((code) => {
    const d = getDuty(code);
    if (!d) throw validationError('unknown_duty', `Template ${template.code} refers to unknown duty ${code}`);
    return d;
  });
  const dutyRows = await tx.insert(duties).values(definitions.map((d) => dutyValuesFrom(engagementId, { ...d, ...placeTemplateDuty(template, d) }, CATALOG_VERSION))).returning();
  const dutyIdByCode = new Map(dutyRows.map((d) => [d.code, d.id]));

  // expandTemplate decides the cells and which suggestion applies (asset-specific over general).
  const plan = expandTemplate(template, definitions);
  const cellRows: (typeof cells.$inferSelect)[] = [];
  await chunked(plan, 1000, async (chunk) => {
    const values = chunk.map((c) => ({
      engagementId,
      dutyId: dutyIdByCode.get(c.dutyCode)!,
      assetId: c.assetKey === null ? null : (assetIdByKey.get(c.assetKey) ?? null),
      terms: EMPTY_TERMS,
    }));
    cellRows.push(...(await tx.insert(cells).values(values).returning()));
  });

  const suggestions: { cellId: string; assignment: TAssignment; terms: typeof EMPTY_TERMS }[] = [];
  plan.forEach((c, i) => {
    if (!c.assignment) return;
    const assignment = normalizeAssignment(
      Object.fromEntries(Object.entries(c.assignment).map(([key, roles]) => [partyIdByKey.get(key) ?? key, [...roles]])),
    );
    suggestions.push({ cellId: cellRows[i]!.id, assignment, terms: { ...EMPTY_TERMS, ...(c.terms ?? {}) } });
  });
  const proposalRows: { id: string; cellId: string }[] = [];
  await chunked(suggestions, 1000, async (chunk) => {
    proposalRows.push(
      ...(await tx
        .insert(proposals)
        .values(chunk.map((s) => ({ ...s, engagementId, proposerPartyId: hospital.id, suggested: true, reason: `テンプレート ${template.code} の推奨分担` })))
        .returning({ id: proposals.id, cellId: proposals.cellId })),
    );
  });
  if (proposalRows.length) {
    // One statement sets every suggested cell to "proposed" with its open proposal.
    const values = proposalRows.map((p) => `('${p.cellId}'::uuid, '${p.id}'::uuid)`).join(',');
    await tx.execute(
      `update cells set status = 'proposed', open_proposal_id = v.pid from (values ${values}) as v(cid, pid) where cells.id = v.cid`,
    );
  }
  return { parties: partyIdByKey.size, assets: assetRows.length, duties: dutyRows.length, cells: cellRows.length, suggested: proposalRows.length };
};
