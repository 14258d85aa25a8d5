import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, DomainError, notFound, nowIso, Page, pageInOrder, PageQuery } from '@claimdesk/core';
import { runStatement, Statement, Transactions } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { CreateRatingScaleDto } from './dto/verdict.dto';
import { assertCoherentScale } from './rating-scale-rules';
import { RatingScale } from './verdict.entity';
import { RatingScaleView, toRatingScaleView } from './verdict.view';

export const DEFAULT_SCALE = 'claimdesk-6';

/** The scales in list order: built-in ones first, then oldest first. */
const SCALE_IDS = new Statement('SELECT id FROM rating_scales ORDER BY built_in DESC, created_at ASC, id ASC');

/**
 * Rating scales. They are never edited once created (verdicts refer to their levels), so each
 * instance may keep the ones it has read.
 */
@Injectable()
export class RatingScalesService {
  private readonly known = new Map<string, RatingScaleView>();

  constructor(
    @InjectRepository(RatingScale) private readonly scales: Repository<RatingScale>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** One page of the scales, built-in ones first, then oldest first; the cursor names the last scale shown. */
  async list(query: PageQuery): Promise<Page<RatingScaleView>> {
    return pageInOrder(await this.all(), query, (scale) => scale.id);
  }

  async get(id: string): Promise<RatingScaleView> {
    const known = this.known.get(id);
    if (known) return known;
    const row = await this.scales.findOneBy({ id });
    if (!row) throw notFound('rating scale', id);
    return this.remember(toRatingScaleView(row));
  }

  /** Every scale, by id: for views that label many verdicts. */
  async byId(): Promise<Map<string, RatingScaleView>> {
    return new Map((await this.all()).map((scale) => [scale.id, scale]));
  }

  async create(actor: Actor, input: CreateRatingScaleDto): Promise<RatingScaleView> {
    const levels = input.levels.map((l) => ({ key: l.key, label: l.label, value: l.value ?? null, description: l.description }));
    assertCoherentScale({ bestRating: input.bestRating, worstRating: input.worstRating, levels });
    return this.transactions.run(async (tx) => {
      if (await tx.manager.existsBy(RatingScale, { id: input.id })) {
        throw new DomainError('already_exists', `a rating scale ${input.id} already exists`, [{ path: 'id', message: 'already in use' }]);
      }
      const now = nowIso();
      const scale = tx.manager.create(RatingScale, { id: input.id, name: input.name, levels, bestRating: input.bestRating, worstRating: input.worstRating, builtIn: false, createdAt: now, updatedAt: now, version: 1 });
      await tx.manager.insert(RatingScale, scale);
      const view = toRatingScaleView(scale);
      await this.audit.record(tx, { actorId: actor.id, action: 'rating_scale.created', entityType: 'rating_scale', entityId: scale.id, articleId: null, after: view });
      return view;
    });
  }

  /**
   * Reports and the workspace label every verdict with its scale: only the ids are read each time
   * (another instance may have added a scale), and only scales this instance has not seen are loaded.
   */
  private async all(): Promise<RatingScaleView[]> {
    const ids = (await runStatement<{ id: string }>(this.scales.manager, SCALE_IDS, [])).map((row) => row.id);
    const unseen = ids.filter((id) => !this.known.has(id));
    if (unseen.length > 0) for (const row of await this.scales.findBy({ id: In(unseen) })) this.remember(toRatingScaleView(row));
    return ids.flatMap((id) => this.known.get(id) ?? []);
  }

  private remember(scale: RatingScaleView): RatingScaleView {
    this.known.set(scale.id, scale);
    return scale;
  }
}
