/** A CEQL literal. */
export type CeqlValue = string | number | boolean | null;

/** A parsed CEQL expression. */
export type CeqlExpression =
  | { type: 'and' | 'or'; left: CeqlExpression; right: CeqlExpression }
  | { type: 'compare'; field: string; operator: '=' | '!=' | '<' | '>' | '<=' | '>='; value: CeqlValue }
  | { type: 'like'; field: string; pattern: string; negate: boolean }
  | { type: 'in'; field: string; values: CeqlValue[]; negate: boolean }
  | { type: 'null'; field: string; negate: boolean };

/** A parsed bulk query: `select <fields|*> from <object> [where ...] [order by ...] [limit n]`. */
export interface BulkSelect {
  fields: string[] | '*';
  objectName: string;
  where?: CeqlExpression | undefined;
  orderBy?: string | undefined;
  limit?: number | undefined;
}
