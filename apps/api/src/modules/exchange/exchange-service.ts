import { type TImportProfile, conflict, forbidden, planCells, validationError } from '@bunkai/domain';
import {
  type Db,
  dutiesRepository,
  dutyImportRepository,
  isUniqueViolation,
  loadSnapshot,
  organizationDutiesRepository,
  toDuty,
  toOrganizationDuty,
  todayUtc,
} from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import { dutyValuesFrom } from '../engagements/index.ts';
import { recordEvent } from '../events/index.ts';
import { toCsv } from './csv.ts';
import { type ParsedDuty, parseDutyRecords } from './duty-import.ts';
import { type ImportFile, readImportRecords } from './import-file.ts';
import { parseKakuninhyoRecords } from './kakuninhyo-import.ts';
import { type ImportWorkerPool, type ImportWorkerPoolOptions, createImportWorkerPool } from './import-worker-pool.ts';
import { dutyTable } from './duty-export.ts';
import { attachment, exportFilename, matrixTable } from './matrix-export.ts';
import { type SheetColumn, writeXlsx } from './xlsx.ts';

type Deps = { db: Db; access: EngagementAccessService; importPool?: ImportWorkerPoolOptions };
export type ExportFormat = 'csv' | 'xlsx';
export type ExportFile = { contentType: string; disposition: string; body: Buffer };

/** A table as a downloadable CSV (UTF-8 with BOM, CRLF) or .xlsx file. */
const exportFile = async (
  table: { columns: SheetColumn[]; rows: string[][] },
  format: ExportFormat,
  names: { filename: string; ascii: string },
  sheetName: string,
): Promise<ExportFile> => {
  const disposition = attachment(names.filename, names.ascii);
  if (format === 'csv')
    return { contentType: 'text/csv; charset=utf-8', disposition, body: Buffer.from(toCsv([table.columns.map((c) => c.header), ...table.rows]), 'utf8') };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition,
    body: await writeXlsx(sheetName, table.columns, table.rows),
  };
};

const invalid = (errors: { row: number; column: string; message: string }[]) =>
  validationError('import_invalid', `The file has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported.`, { rows: errors });


/** Parses a file into validated duty definitions, or refuses it with every row error at once. */
const parseDuties = async (pool: ImportWorkerPool, file: ImportFile, profile: TImportProfile): Promise<ParsedDuty[]> => {
  const records = await readImportRecords(pool, file);
  const { duties: parsed, errors } = profile === 'kakuninhyo' ? parseKakuninhyoRecords(records) : parseDutyRecords(records, { fromCsv: file.format === 'csv' });
  if (errors.length) throw invalid(errors);
  return parsed;
};

/** Import / export (取込・出力): the matrix as CSV/.xlsx, duties from CSV/.xlsx into an engagement or an organization's catalog. */
export const createExchangeService = ({ db, access, importPool }: Deps) => {
  const engagementImport = dutyImportRepository(db);
  const catalog = organizationDutiesRepository(db);
  const pool = createImportWorkerPool(importPool);
  return {
    /** Stops the import worker (the app's onClose). */
    close: () => pool.close(),

    exportMatrix: async (actor: Actor, engagementId: string, format: ExportFormat): Promise<ExportFile> => {
      await access.require(actor, engagementId, 'engagement:read');
      const { snapshot } = await loadSnapshot(db, engagementId);
      return exportFile(matrixTable(snapshot), format, exportFilename(snapshot.engagement.title, todayUtc(), format), '責任分担表');
    },

    /** The engagement's duties (責任項目) in the import layout: exported here, imported elsewhere, the same duties. */
    exportDuties: async (actor: Actor, engagementId: string, format: ExportFormat): Promise<ExportFile> => {
      const a = await access.require(actor, engagementId, 'engagement:read');
      const rows = await dutiesRepository(db).listByEngagement(engagementId);
      const names = exportFilename(a.engagement.title, todayUtc(), format, { ja: '責任項目', ascii: 'duties' });
      return exportFile(dutyTable(rows.map(toDuty)), format, names, '責任項目');
    },

    /** Adds the file's duties to the engagement (owner), with their cells on matching assets; all or nothing. */
    importEngagementDuties: async (actor: Actor, engagementId: string, file: ImportFile, profile: TImportProfile = 'duties') => {
      await access.require(actor, engagementId, 'duty:write');
      const parsed = await parseDuties(pool, file, profile);
      try {
        return await db.transaction(async (tx) => {
          const a = await access.require(actor, engagementId, 'duty:write', tx);
          const codes = parsed.map((p) => p.duty.code);
          const taken = await engagementImport.takenCodes({ engagementId, codes }, tx);
          if (taken.length) {
            const takenSet = new Set(taken);
            throw invalid(
              parsed
                .filter((p) => takenSet.has(p.duty.code))
                .map((p) => ({ row: p.row, column: 'code', message: `The engagement already has a duty ${p.duty.code}.` })),
            );
          }
          const dutyRows = await engagementImport.insertDuties(
            parsed.map((p) => dutyValuesFrom(engagementId, p.duty, null)),
            tx,
          );
          const plan = planCells(dutyRows, await engagementImport.assetCategories({ engagementId }, tx));
          await engagementImport.insertEmptyCells({ engagementId, keys: plan }, tx);
          await recordEvent(tx, a, {
            type: 'duty.imported',
            subjectId: engagementId,
            payload: { codes, format: file.format, profile, cells: plan.length },
          });
          return { imported: dutyRows.length, duties: dutyRows.map(toDuty), cells: plan.length };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('duty_code_taken', 'Another import added one of these duty codes at the same time; reload and retry.');
        throw err;
      }
    },

    listOrganizationDuties: async (actor: Actor) => ({ duties: (await catalog.list({ organizationId: actor.organizationId })).map(toOrganizationDuty) }),

    /**
     * The organization's own catalog (admins). Unlike an engagement, a catalog is
     * not under negotiation, so a code already in it is replaced by the file's row.
     */
    importOrganizationDuties: async (actor: Actor, file: ImportFile, profile: TImportProfile = 'duties') => {
      if (actor.orgRole !== 'admin') throw forbidden('org_admin_only', "Only an administrator of your organization can import into its duty catalog.");
      const parsed = await parseDuties(pool, file, profile);
      return db.transaction(async (tx) => {
        const codes = parsed.map((p) => p.duty.code);
        const replaced = await catalog.countPresent({ organizationId: actor.organizationId, codes }, tx);
        const values = parsed.map((p) => {
          const { engagementId: _e, catalogVersion: _c, ...v } = dutyValuesFrom('', p.duty, null);
          return { ...v, organizationId: actor.organizationId };
        });
        const rows = await catalog.upsert(values, tx);
        return { imported: rows.length, replaced, duties: rows.map(toOrganizationDuty) };
      });
    },
  };
};
export type ExchangeService = ReturnType<typeof createExchangeService>;
