// The cell's life (分担表の各セル): the matrix read, negotiation (提案・承諾・却下・取下げ, 一括提案),
// kickoff review (初回確認 / 完了日, 対象外) and comments. Other modules use only this file.
export { createMatrixService, type MatrixService } from './matrix/matrix-service.ts';
export { matrixRoutes } from './matrix/matrix-routes.ts';
export { createMatrixCache, type MatrixCache } from './matrix/matrix-cache.ts';
export { applyMatrixFilter, isAskedOf, parseMatrixFilter, type MatrixFilter } from './matrix/matrix-filters.ts';
export { createNegotiationService, type NegotiationService } from './negotiation/negotiation-service.ts';
export { createBulkProposals } from './negotiation/bulk-service.ts';
export { createBulkAccept } from './negotiation/bulk-accept-service.ts';
export { negotiationRoutes } from './negotiation/negotiation-routes.ts';
export { createCommentsService, type CommentsService } from './comments/comments-service.ts';
export { createReviewService, type ReviewService } from './review/review-service.ts';
export { reviewRoutes } from './review/review-routes.ts';
