import { Injectable } from '@nestjs/common';
import { emptySearchIndex, fillSearchIndex, SEARCH_KINDS, SearchKind, Transactions } from '@claimdesk/database';

/**
 * Rebuilds the search index from the tables (`claimdesk search rebuild`): emptied and refilled in one
 * transaction, so searches see the old index or the new one, never half of it. The triggers keep it
 * up to date otherwise; a rebuild is for an index suspected broken or after a change of its rules.
 */
@Injectable()
export class SearchIndexService {
  constructor(private readonly transactions: Transactions) {}

  /** `progress` is told each kind as it is indexed, with how many entries the index then holds. */
  async rebuild(progress: (kind: SearchKind, done: number, total: number, entries: number) => void = () => undefined): Promise<number> {
    return this.transactions.run(async (tx) => {
      for (const sql of emptySearchIndex(tx.engine)) await tx.manager.query(sql);
      let entries = 0;
      for (const [i, kind] of SEARCH_KINDS.entries()) {
        for (const sql of fillSearchIndex(tx.engine, kind)) await tx.manager.query(sql);
        const [row] = await tx.manager.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM search_docs');
        entries = Number(row.n);
        progress(kind, i + 1, SEARCH_KINDS.length, entries);
      }
      return entries;
    });
  }
}
