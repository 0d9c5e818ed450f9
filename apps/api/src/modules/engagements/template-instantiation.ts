import { CATALOG_VERSION, type TCatalogTemplate, expandTemplate, getDuty, placeTemplateDuty, resolveTemplateDate } from '@bunkai/catalog';
import { type TAssignment, type TDutyDefinition, EMPTY_TERMS, normalizeAssignment, validationError } from '@bunkai/domain';
import { type Db, type DutyInsert, type PartyRow, assetsRepository, dutiesRepository, partiesRepository, structureCellsRepository } from '@bunkai/db';

/** Columns of a duty copied from a catalog definition (the engagement keeps its own copy). */
export const dutyValuesFrom = (engagementId: string, d: TDutyDefinition, catalogVersion: string | null): DutyInsert => ({
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
  kakuninhyoItem: d.kakuninhyoItem ?? null,
  references: d.references,
  catalogVersion,
});

/**
 * Creates a template's placeholder parties, assets, duties and cells, and its
 * suggested splits as open proposals (never as agreed cells). The hospital
 * party already exists; template parties of role `hospital` map onto it.
 * Runs in the caller's transaction `tx`.
 */
export const instantiateTemplate = async (tx: Db, engagementId: string, hospital: PartyRow, template: TCatalogTemplate, createdOn: string | Date) => {
  const partyIdByKey = new Map<string, string>();
  const partiesRepo = partiesRepository(tx);
  let position = 1;
  for (const p of template.parties) {
    if (p.role === 'hospital') {
      partyIdByKey.set(p.key, hospital.id);
      continue;
    }
    const row = await partiesRepo.insert({ engagementId, role: p.role, displayName: p.displayName.ja, position: position++ });
    partyIdByKey.set(p.key, row.id);
  }

  const assetRows = await assetsRepository(tx).insertMany(
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
  );
  const assetIdByKey = new Map(template.assets.map((a, i) => [a.key, assetRows[i]!.id]));

  const definitions = template.dutyCodes.map((code) => {
    const d = getDuty(code);
    if (!d) throw validationError('unknown_duty', `Template ${template.code} refers to unknown duty ${code}`);
    return d;
  });
  const dutyRows = await dutiesRepository(tx).insertMany(definitions.map((d) => dutyValuesFrom(engagementId, { ...d, ...placeTemplateDuty(template, d) }, CATALOG_VERSION)));
  const dutyIdByCode = new Map(dutyRows.map((d) => [d.code, d.id]));

  // expandTemplate decides the cells and which suggestion applies (asset-specific over general).
  const plan = expandTemplate(template, definitions);
  const cellsRepo = structureCellsRepository(tx);
  const cellRows = await cellsRepo.insertMany(
    plan.map((c) => ({
      engagementId,
      dutyId: dutyIdByCode.get(c.dutyCode)!,
      assetId: c.assetKey === null ? null : (assetIdByKey.get(c.assetKey) ?? null),
      terms: EMPTY_TERMS,
    })),
  );

  const suggestions: { cellId: string; assignment: TAssignment; terms: typeof EMPTY_TERMS }[] = [];
  plan.forEach((c, i) => {
    if (!c.assignment) return;
    const assignment = normalizeAssignment(
      Object.fromEntries(Object.entries(c.assignment).map(([key, roles]) => [partyIdByKey.get(key) ?? key, [...roles]])),
    );
    suggestions.push({ cellId: cellRows[i]!.id, assignment, terms: { ...EMPTY_TERMS, ...(c.terms ?? {}) } });
  });
  const proposalRows = await cellsRepo.openSuggestedProposals(
    suggestions.map((s) => ({ ...s, engagementId, proposerPartyId: hospital.id, suggested: true, reason: `テンプレート ${template.code} の推奨分担` })),
  );
  return { parties: partyIdByKey.size, assets: assetRows.length, duties: dutyRows.length, cells: cellRows.length, suggested: proposalRows.length };
};
