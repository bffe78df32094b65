import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CreateCategory } from '@olympiad/contracts';
import { buildRuleSet, RULE_SET_PRESETS } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { changedFields, pick } from '../audit/audit-change';
import { AuditRecorder } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { conflict, invalid, notFound, unknownReference } from '../common/api-error';
import { CategoryWriteLock } from '../common/category-write-lock';
import { LedgerQuery } from '../ledger/ledger.query';
import { ProtestsQuery } from '../protests/protests.query';
import { StagesQuery } from '../stages/stages.query';
import { StandingsQuery } from '../standings/standings.query';
import { NEW_CATEGORY_STATE } from './categories.store';
import { CategoryEntity } from './category.entity';

@Injectable()
export class CategoriesService {
  constructor(
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    private readonly stages: StagesQuery,
    private readonly ledger: LedgerQuery,
    private readonly standings: StandingsQuery,
    private readonly audit: AuditRecorder,
    private readonly protests: ProtestsQuery,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writeLock: CategoryWriteLock,
  ) {}

  async create(input: CreateCategory): Promise<CategoryEntity> {
    if (!(await this.stages.stageExists(input.stageId))) {
      throw unknownReference('stageId', 'stage', input.stageId);
    }
    const preset = RULE_SET_PRESETS.find((candidate) => candidate.name === input.preset);
    if (!preset) {
      throw unknownReference('preset', 'rule-set preset', input.preset);
    }
    if (preset.discipline !== input.discipline) {
      throw invalid(
        `preset: ${input.preset} is a ${preset.discipline} preset, not ${input.discipline}`,
        [
          {
            path: 'preset',
            key: 'categories.presetDiscipline',
            message: `a ${preset.discipline} preset`,
          },
        ],
      );
    }
    const ruleSet = buildRuleSet(input.preset, input.params ?? {});
    if (!ruleSet.ok) {
      throw invalid(
        ruleSet.errors.map((error) => `params.${error.path}: ${error.message}`).join('; '),
        ruleSet.errors.map((error) => ({
          path: `params.${error.path}`,
          key: error.key,
          message: error.message,
        })),
      );
    }
    return this.categories.save({
      id: randomUUID(),
      stageId: input.stageId,
      discipline: input.discipline,
      name: input.name,
      ageGroupLabel: input.ageGroup.label,
      minGrade: input.ageGroup.minGrade,
      maxGrade: input.ageGroup.maxGrade,
      preset: input.preset,
      ruleSet: ruleSet.value,
      ...NEW_CATEGORY_STATE,
      templateRuleSet: null,
    });
  }

  async get(id: string, actor?: Actor): Promise<CategoryEntity> {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound('Category', id);
    if (actor) assertStageAccess(actor, category.stageId);
    return category;
  }

  listForStage(stageId: string): Promise<CategoryEntity[]> {
    return this.categories.find({
      where: { stageId },
      order: { discipline: 'ASC', minGrade: 'ASC', name: 'ASC' },
    });
  }

  /** The rule parameters may change until the first score is recorded; after that the set in force is fixed. */
  async updateParams(
    id: string,
    params: Record<string, unknown>,
    actor: Actor,
  ): Promise<CategoryEntity> {
    const category = await this.get(id);
    if (category.status !== 'setup' || (await this.ledger.hasEntries(id))) {
      throw conflict(
        'categories.rulesLocked',
        'Scoring has started in this category; its rule set can no longer change',
      );
    }
    const ruleSet = buildRuleSet(category.preset, params);
    if (!ruleSet.ok) {
      throw invalid(
        ruleSet.errors.map((error) => `params.${error.path}: ${error.message}`).join('; '),
        ruleSet.errors.map((error) => ({
          path: `params.${error.path}`,
          key: error.key,
          message: error.message,
        })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(CategoryEntity, { ...category, ruleSet: ruleSet.value });
      await this.audit.record(
        {
          actor,
          stageId: category.stageId,
          object: { kind: 'category', id, name: category.name },
          action: 'category.params',
          ...changedFields(category.ruleSet.params, ruleSet.value.params),
        },
        manager,
      );
      return saved;
    });
  }

  async setLocked(id: string, actor: Actor, locked: boolean): Promise<CategoryEntity> {
    const category = await this.get(id, actor);
    const status = locked ? 'locked' : 'running';
    // Under the category's write lock, which protest filing takes too: no protest is filed between
    // the "none open" check and the lock.
    return this.writeLock.run(id, () =>
      this.dataSource.transaction(async (manager) => {
        await this.writeLock.hold(manager, id);
        // Checked under the lock, which entries take too, so none can arrive between check and lock.
        if (locked) await this.assertNothingAwaits(id, manager);
        // A protest is decided before the results are final (docs/rules.md#protests).
        const open = locked ? await this.protests.openProtestsOf(id, manager) : [];
        if (open.length > 0) {
          throw conflict(
            'categories.openProtests',
            `${open.length} protest(s) in this category are still open (${open.map((p) => p.id).join(', ')}): decide them, then lock`,
          );
        }
        return this.recorded(
          category,
          actor,
          locked ? 'category.lock' : 'category.unlock',
          { status, lockedAt: locked ? new Date().toISOString() : null },
          manager,
        );
      }),
    );
  }

  private async assertNothingAwaits(id: string, manager: EntityManager): Promise<void> {
    // A finish gate's time counts only once a judge confirms it (docs/results-display.md): locking
    // over one would silently drop that team's run from the final standings.
    if (await this.standings.hasUnconfirmed(id, manager)) {
      throw conflict(
        'categories.unconfirmedResults',
        'A finish time in this category still waits for the field judge: confirm or void it, then lock',
      );
    }
    // Double entry (docs/rules.md#double-entry): an attempt still awaiting its second entry, or in
    // review, counts for nobody yet; locking would leave it out of the final standings just as silently.
    if (await this.standings.hasPendingReview(id, manager)) {
      throw conflict(
        'categories.doubleEntryPending',
        'An attempt or match in this category awaits its second entry or the head judge’s decision: settle it, then lock',
      );
    }
  }

  async setPublished(id: string, actor: Actor, published: boolean): Promise<CategoryEntity> {
    const category = await this.get(id, actor);
    return this.recorded(category, actor, published ? 'category.publish' : 'category.unpublish', {
      published,
      publishedAt: published ? new Date().toISOString() : null,
    });
  }

  /** Saves the change with its row on the audit record, in one transaction (docs/audit.md). */
  private recorded(
    category: CategoryEntity,
    actor: Actor,
    action: 'category.lock' | 'category.unlock' | 'category.publish' | 'category.unpublish',
    change: Partial<CategoryEntity>,
    within?: EntityManager,
  ): Promise<CategoryEntity> {
    const write = async (manager: EntityManager) => {
      // Only the changed columns: `category` was read before this transaction, and writing it back
      // whole would put back a standings version an entry has moved on since, which viewers then
      // take for one they already have.
      await manager.update(CategoryEntity, { id: category.id }, change);
      const saved = await manager.findOneByOrFail(CategoryEntity, { id: category.id });
      await this.audit.record(
        {
          actor,
          stageId: category.stageId,
          object: { kind: 'category', id: category.id, name: category.name },
          action,
          ...changedFields(
            pick(category, Object.keys(change) as (keyof CategoryEntity)[]),
            pick(saved, Object.keys(change) as (keyof CategoryEntity)[]),
          ),
        },
        manager,
      );
      return saved;
    };
    return within ? write(within) : this.dataSource.transaction(write);
  }
}
