import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Selects every column of the query's entity under its property name, for hot reads that take raw
 * rows and skip TypeORM's entity hydration (the workspace, reports): the rows have the entity's shape
 * without a column list to keep in step with it. Column transformers do not run on raw rows, so a
 * caller reads such columns itself (a claim's `tags`).
 */
export function selectEntityColumns<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): SelectQueryBuilder<E> {
  const main = qb.expressionMap.mainAlias;
  if (!main?.hasMetadata) throw new Error('selectEntityColumns needs a query builder created from an entity');
  main.metadata.columns.forEach((column, i) => {
    const selection = `${main.name}.${column.databaseName}`;
    if (i === 0) qb.select(selection, column.propertyName);
    else qb.addSelect(selection, column.propertyName);
  });
  return qb;
}
