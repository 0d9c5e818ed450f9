import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { CELL_STATUSES, FIRST_CHECK_ANSWERS, PROPOSAL_RESPONSES, PROPOSAL_STATUSES, type TAssignment, type TTerms } from '@bunkai/domain';
import { assets, duties, engagements, parties } from './engagement.ts';
import { oneOf } from './enum-check.ts';
import { users } from './identity.ts';

const ts = () => timestamp({ withTimezone: true, mode: 'string' });

/** 分担: one duty on one asset, or engagement-wide when assetId is null. */
export const cells = pgTable(
  'cells',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    dutyId: uuid()
      .notNull()
      .references(() => duties.id),
    assetId: uuid().references(() => assets.id),
    status: text({ enum: CELL_STATUSES }).notNull().default('unassigned'),
    assignment: jsonb().$type<TAssignment>(),
    terms: jsonb().$type<TTerms>().notNull(),
    notApplicableReason: text(),
    firstCheckAnswer: text({ enum: FIRST_CHECK_ANSWERS }),
    firstCheckOn: date({ mode: 'string' }),
    completedOn: date({ mode: 'string' }),
    /** 期限: the date by which the cell's 分担 should be agreed. */
    dueOn: date({ mode: 'string' }),
    /** 完了予定日: the target for 完了日 (required with a いいえ 初回確認 answer). */
    completionDueOn: date({ mode: 'string' }),
    kickoffNotes: text().notNull().default(''),
    /** The open proposal, if any. Not a foreign key: proposals reference cells. */
    openProposalId: uuid(),
    version: integer().notNull().default(1),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('cells_engagement_id_idx').on(t.engagementId),
    // One cell per (duty, asset); engagement-wide cells (null asset) are unique per duty too.
    unique('cells_duty_asset_key').on(t.dutyId, t.assetId).nullsNotDistinct(),
    index('cells_asset_id_idx').on(t.assetId),
    index('cells_open_proposal_id_idx').on(t.openProposalId),
    oneOf('cells_status_check', t.status, CELL_STATUSES),
    oneOf('cells_first_check_answer_check', t.firstCheckAnswer, FIRST_CHECK_ANSWERS),
  ],
);

export const proposals = pgTable(
  'proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    cellId: uuid()
      .notNull()
      .references(() => cells.id),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    proposerPartyId: uuid()
      .notNull()
      .references(() => parties.id),
    proposerUserId: uuid().references(() => users.id),
    assignment: jsonb().$type<TAssignment>().notNull(),
    terms: jsonb().$type<TTerms>().notNull(),
    reason: text().notNull().default(''),
    status: text({ enum: PROPOSAL_STATUSES }).notNull().default('open'),
    suggested: boolean().notNull().default(false),
    supersedesId: uuid(),
    createdAt: ts().notNull().defaultNow(),
    closedAt: ts(),
  },
  (t) => [
    index('proposals_cell_id_idx').on(t.cellId),
    index('proposals_engagement_id_idx').on(t.engagementId),
    index('proposals_proposer_party_id_idx').on(t.proposerPartyId),
    index('proposals_proposer_user_id_idx').on(t.proposerUserId),
    index('proposals_supersedes_id_idx').on(t.supersedesId),
    oneOf('proposals_status_check', t.status, PROPOSAL_STATUSES),
  ],
);

export const proposalResponses = pgTable(
  'proposal_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id),
    partyId: uuid()
      .notNull()
      .references(() => parties.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    response: text({ enum: PROPOSAL_RESPONSES }).notNull(),
    reason: text().notNull().default(''),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('proposal_responses_proposal_id_idx').on(t.proposalId),
    index('proposal_responses_party_id_idx').on(t.partyId),
    index('proposal_responses_user_id_idx').on(t.userId),
    oneOf('proposal_responses_response_check', t.response, PROPOSAL_RESPONSES),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    cellId: uuid()
      .notNull()
      .references(() => cells.id),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    partyId: uuid()
      .notNull()
      .references(() => parties.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('comments_cell_id_idx').on(t.cellId),
    index('comments_engagement_id_idx').on(t.engagementId),
    index('comments_party_id_idx').on(t.partyId),
    index('comments_user_id_idx').on(t.userId),
  ],
);
