import { Injectable } from '@nestjs/common';
import { Workspace } from './workspace.view';
import { ArticlesService } from '@claimdesk/articles';
import { AnnotationsService } from '@claimdesk/annotations';
import { ClaimsService, ClaimView } from '@claimdesk/claims';
import { UsersService } from '@claimdesk/identity';
import { SnapshotsService, SourcesService } from '@claimdesk/sources';
import { VerdictsService } from '@claimdesk/verdicts';

export { Workspace, WorkspaceClaim } from './workspace.view';

/** Groups items by claim id, keeping their order. */
function byClaim<T extends { claimId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.claimId);
    if (group) group.push(item);
    else groups.set(item.claimId, [item]);
  }
  return groups;
}

/**
 * Everything the reviewer screen needs in one answer. A fixed number of queries whatever the number
 * of claims: one per kind of thing, never one per claim.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly annotations: AnnotationsService,
    private readonly sources: SourcesService,
    private readonly verdicts: VerdictsService,
    private readonly users: UsersService,
    private readonly snapshots: SnapshotsService,
  ) {}

  async load(articleId: string): Promise<Workspace> {
    const article = await this.articles.get(articleId);
    const [claims, revisers] = await Promise.all([this.claims.allOf(articleId), this.articles.revisionAuthors(articleId)]);
    // Assignees are named on the claims and the article (API.md, "Work").
    return { article, ...(await this.detailsOf(claims, [article.createdBy, article.assigneeId, ...revisers])) };
  }

  /**
   * Some claims with their notes, sources, verdicts and earlier words, everyone they name (and `alsoNamed`)
   * and their sources' snapshots: a workspace's claims, or a batch of a period report's.
   */
  async detailsOf(claims: readonly ClaimView[], alsoNamed: ReadonlyArray<string | null> = []): Promise<Pick<Workspace, 'claims' | 'users' | 'snapshots'>> {
    const ids = claims.map((c) => c.id);
    const [annotations, sources, verdicts, corrections] = await Promise.all([
      this.annotations.listForClaims(ids),
      this.sources.listForClaims(ids),
      this.verdicts.listForClaims(ids),
      this.claims.correctionsFor(ids),
    ]);
    const notes = byClaim(annotations);
    const evidence = byClaim(sources);
    const ratings = byClaim(verdicts);
    const earlierWords = byClaim(corrections);
    const people = new Set<string>();
    for (const id of alsoNamed) if (id) people.add(id);
    for (const c of claims) {
      people.add(c.createdBy);
      if (c.assigneeId) people.add(c.assigneeId);
    }
    for (const a of annotations) people.add(a.authorId);
    for (const s of sources) people.add(s.addedBy);
    for (const c of corrections) people.add(c.correctedBy);
    for (const v of verdicts) {
      people.add(v.authorId);
      if (v.reviewedBy) people.add(v.reviewedBy);
    }
    return {
      claims: claims.map((claim) => ({
        ...claim,
        annotations: notes.get(claim.id) ?? [],
        sources: evidence.get(claim.id) ?? [],
        verdicts: ratings.get(claim.id) ?? [],
        corrections: earlierWords.get(claim.id) ?? [],
      })),
      users: await this.users.directory([...people]),
      snapshots: await this.snapshots.headsOf([...sources, ...verdicts.flatMap((v) => v.evidence ?? [])].map((s) => s.sourceId)),
    };
  }
}
