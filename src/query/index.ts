// Reading lists: safe CEQL where clauses and bulk queries, and auto-pagination over the next-page token.
export { ceql, formatBulkQuery, isCeqlFragment } from './ceql.js';
export type { BulkOrderKey, BulkQueryOptions, CeqlFragment, CeqlScalar, CeqlTag, CeqlValue } from './ceql.js';
export { paginate, paginatePages } from './pagination.js';
export type { ListPath, ListRecord, Page, PaginateInit, PaginateOptions } from './pagination.js';
