import { z } from 'zod';
import { ZMatrixResponse } from './matrix.ts';
import { MATRIX_COMPACT_FORMAT, type TColumn, type TMatrixCompactResponse } from './matrix-compact.ts';

/** Response schema of `GET /engagements/:id/cells/compact` (OpenAPI and API tests); the codec itself is in matrix-compact.ts. */
const ZColumn: z.ZodType<TColumn> = z.lazy(() =>
  z.union([
    z.object({ values: z.array(z.unknown()), index: z.array(z.number().int().min(0)) }),
    z.object({ plain: z.array(z.unknown()) }),
    z.object({ nested: z.record(z.string().max(64), ZColumn), nullRows: z.array(z.number().int().min(0)) }),
  ]),
);

export const ZMatrixCompactResponse: z.ZodType<TMatrixCompactResponse> = ZMatrixResponse.omit({ cells: true }).extend({
  format: z.literal(MATRIX_COMPACT_FORMAT),
  /** Number of cells after filtering (every column has this length). */
  cellCount: z.number().int().min(0),
  /** One column per cell field, keyed by the field's name. */
  columns: z.record(z.string().max(64), ZColumn),
});
