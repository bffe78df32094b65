import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CategoryProtests,
  DecideProtest,
  Protest,
  ProtestList,
  RecordProtest,
} from '@olympiad/contracts';
import {
  correctionOutsideProtest,
  mayFileProtest,
  protestDeadline,
  protestWindowMinutesOf,
} from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditRecorder } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { ApiError, conflict, invalid, notFound, unknownReference } from '../common/api-error';
import { CategoryWriteLock } from '../common/category-write-lock';
import { LedgerQuery, type LedgerEntryRow } from '../ledger/ledger.query';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { TeamsQuery } from '../teams/teams.query';
import { ProtestAttachmentEntity } from './protest-attachment.entity';
import { checkProtestPhoto } from './protest-photo';
import { ProtestEntity } from './protest.entity';

/**
 * Protests (docs/rules.md#protests): the head judge records a team's protest while the rules' window
 * is open and decides it once. Upheld goes through RecordEntryUseCase with the head judge's
 * correction, and the protest is settled in the ledger entry's own transaction, so either both are
 * stored or neither; rejected only settles the protest.
 */
@Injectable()
export class ProtestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordEntryUseCase,
    private readonly categories: CategoriesQuery,
    private readonly teams: TeamsQuery,
    private readonly ledger: LedgerQuery,
    private readonly audit: AuditRecorder,
    private readonly lock: CategoryWriteLock,
  ) {}

  async file(input: RecordProtest, actor: Actor, now = new Date()): Promise<Protest> {
    const category = await this.categories.categoryById(input.categoryId);
    if (!category) throw unknownReference('categoryId', 'category', input.categoryId);
    assertStageAccess(actor, category.stageId);
    if (!(await this.teams.isInCategory(input.teamId, category.id))) {
      throw unknownReference('teamId', 'team in this category', input.teamId);
    }
    if (input.target.kind === 'entry') {
      const [entry] = await this.ledger.entriesByIds([input.target.entryId]);
      if (entry?.categoryId !== category.id) {
        throw unknownReference(`target.entryId`, 'entry in this category', input.target.entryId);
      }
    }
    if (category.status === 'locked') throw categoryLocked();
    if (!mayFileProtest(category, now)) throw windowClosed(category);
    const photos = input.attachments.map((photo, index) => {
      const checked = checkProtestPhoto(photo.data);
      if (!checked.ok) {
        throw invalid(`attachments.${index}: ${checked.message}`, [
          { path: `attachments.${index}`, key: checked.key, message: checked.message },
        ]);
      }
      return checked;
    });

    const row = Object.assign(new ProtestEntity(), {
      id: randomUUID(),
      stageId: category.stageId,
      categoryId: category.id,
      teamId: input.teamId,
      target: input.target,
      protestedBy: input.protestedBy,
      receivedAt: now.toISOString(),
      recordedById: actor.id,
      recordedByName: actor.name,
      reason: input.reason,
      status: 'open' as const,
      decidedById: null,
      decidedByName: null,
      decidedAt: null,
      decisionReason: null,
      correctionEntryId: null,
    });
    const attachments = photos.map((photo) =>
      Object.assign(new ProtestAttachmentEntity(), {
        id: randomUUID(),
        protestId: row.id,
        contentType: photo.contentType,
        bytes: photo.bytes.length,
        data: photo.bytes.toString('base64'),
      }),
    );
    // The same lock the ledger and the category lock take: a protest cannot slip in while the
    // category is being locked over "no open protest" (docs/rules.md#protests).
    await this.lock.run(category.id, () =>
      this.dataSource.transaction(async (manager) => {
        await this.lock.hold(manager, category.id);
        const current = await this.categories.categoryById(category.id, manager);
        if (current?.status === 'locked') throw categoryLocked();
        await this.insertFiled(manager, row, attachments, actor, category);
      }),
    );
    return this.view(row);
  }

  private async insertFiled(
    manager: EntityManager,
    row: ProtestEntity,
    attachments: ProtestAttachmentEntity[],
    actor: Actor,
    category: CategoryRow,
  ): Promise<void> {
    await manager.insert(ProtestEntity, row as never);
    if (attachments.length > 0) await manager.insert(ProtestAttachmentEntity, attachments);
    await this.audit.record(
      {
        actor,
        stageId: category.stageId,
        object: { kind: 'protest', id: row.id, name: category.name },
        action: 'protest.record',
        after: {
          teamId: row.teamId,
          target: describeTarget(row),
          protestedBy: row.protestedBy,
          reason: row.reason,
          attachments: attachments.length,
        },
      },
      manager,
    );
  }

  async decide(id: string, input: DecideProtest, actor: Actor): Promise<Protest> {
    const protest = await this.dataSource.manager.findOneBy(ProtestEntity, { id });
    if (!protest) throw notFound('Protest', id);
    assertStageAccess(actor, protest.stageId);
    if (protest.status !== 'open') throw alreadyDecided(id);

    const decision = {
      status: input.decision,
      decidedById: actor.id,
      decidedByName: actor.name,
      decidedAt: new Date().toISOString(),
      decisionReason: input.reason,
      correctionEntryId: input.correction?.id ?? null,
    };
    const settle = async (manager: EntityManager) => {
      const result = await manager.update(ProtestEntity, { id, status: 'open' }, decision);
      if (!result.affected) throw alreadyDecided(id);
      await this.audit.record(
        {
          actor,
          stageId: protest.stageId,
          object: { kind: 'protest', id, name: await this.categoryName(protest, manager) },
          action: 'protest.decide',
          before: { status: 'open' },
          after: {
            status: decision.status,
            reason: decision.decisionReason,
            correctionEntryId: decision.correctionEntryId,
          },
        },
        manager,
      );
    };
    const correction = input.decision === 'upheld' ? input.correction : undefined;
    if (correction) {
      if (correction.categoryId !== protest.categoryId) {
        throw unknownReference(
          `correction.categoryId`,
          "the protest's category",
          correction.categoryId,
        );
      }
      if (protest.target.kind === 'entry' && !correction.supersedes) {
        throw invalid('correction.supersedes: an upheld protest against an entry corrects it', [
          {
            path: `correction.supersedes`,
            key: 'protests.correctionNeeded',
            message: 'the correction replaces the protested entry',
          },
        ]);
      }
      const outside = correctionOutsideProtest(
        protest.target,
        protest.teamId,
        correction,
        await this.chainOf(correction.supersedes ?? null),
      );
      if (outside) {
        throw invalid(`${outside.path}: ${outside.message}`, [
          { ...outside, key: 'protests.correctionOtherObject' },
        ]);
      }
      if (await this.ledger.hasEntry(correction.id)) throw alreadyDecided(id);
      // The ledger's own correction path: its checks, its standings update and its live broadcast.
      await this.record.execute(
        { ...correction, reason: correction.reason ?? input.reason },
        actor,
        settle,
      );
    } else {
      await this.dataSource.transaction(settle);
    }
    return this.view(Object.assign(protest, decision));
  }

  /** The entry `supersedes` names and every entry it corrects, newest first. */
  private async chainOf(entryId: string | null): Promise<LedgerEntryRow[]> {
    const chain: LedgerEntryRow[] = [];
    const seen = new Set<string>();
    let next = entryId;
    while (next && !seen.has(next)) {
      seen.add(next);
      const [entry] = await this.ledger.entriesByIds([next]);
      if (!entry) break;
      chain.push(entry);
      next = entry.supersedes;
    }
    return chain;
  }

  async listForStage(stageId: string, actor: Actor): Promise<ProtestList> {
    assertStageAccess(actor, stageId);
    const rows = await this.dataSource.manager.find(ProtestEntity, {
      where: { stageId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    return this.list(rows);
  }

  async listForCategory(
    categoryId: string,
    actor: Actor,
    now = new Date(),
  ): Promise<CategoryProtests> {
    const category = await this.categories.categoryById(categoryId);
    if (!category) throw notFound('Category', categoryId);
    assertStageAccess(actor, category.stageId);
    const rows = await this.dataSource.manager.find(ProtestEntity, {
      where: { categoryId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    return {
      ...(await this.list(rows)),
      deadline: protestDeadline(category),
      windowMinutes: protestWindowMinutesOf(category.ruleSet),
      accepting: mayFileProtest(category, now),
    };
  }

  async attachment(
    protestId: string,
    attachmentId: string,
    actor: Actor,
  ): Promise<{ contentType: string; bytes: Buffer }> {
    const protest = await this.dataSource.manager.findOneBy(ProtestEntity, { id: protestId });
    if (!protest) throw notFound('Protest', protestId);
    assertStageAccess(actor, protest.stageId);
    const photo = await this.dataSource.manager.findOneBy(ProtestAttachmentEntity, {
      id: attachmentId,
      protestId,
    });
    if (!photo) throw notFound('Attachment', attachmentId);
    return { contentType: photo.contentType, bytes: Buffer.from(photo.data, 'base64') };
  }

  private async list(rows: ProtestEntity[]): Promise<ProtestList> {
    const protests = await this.views(rows);
    const openByCategory = new Map<string, number>();
    for (const protest of protests) {
      if (protest.status === 'open')
        openByCategory.set(protest.categoryId, (openByCategory.get(protest.categoryId) ?? 0) + 1);
    }
    return {
      protests,
      open: protests.filter((protest) => protest.status === 'open').length,
      openByCategory: [...openByCategory].map(([categoryId, open]) => ({ categoryId, open })),
    };
  }

  private async categoryName(protest: ProtestEntity, manager: EntityManager) {
    const [category] = await this.categories.categoryNames([protest.categoryId], manager);
    return category?.name ?? null;
  }

  private async view(row: ProtestEntity): Promise<Protest> {
    return (await this.views([row]))[0];
  }

  private async views(rows: ProtestEntity[]): Promise<Protest[]> {
    if (rows.length === 0) return [];
    const manager = this.dataSource.manager;
    const categories = new Map(
      (
        await this.categories.categoryNames(
          [...new Set(rows.map((row) => row.categoryId))],
          manager,
        )
      ).map((c) => [c.id, c.name]),
    );
    const teams = new Map(
      (await this.teams.teamNames([...new Set(rows.map((row) => row.teamId))], manager)).map(
        (t) => [t.id, t.name],
      ),
    );
    const photos = await manager.find(ProtestAttachmentEntity, {
      select: { id: true, protestId: true, contentType: true, bytes: true },
      where: { protestId: In(rows.map((row) => row.id)) },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      stageId: row.stageId,
      categoryId: row.categoryId,
      categoryName: categories.get(row.categoryId) ?? '',
      teamId: row.teamId,
      teamName: teams.get(row.teamId) ?? '',
      target: row.target,
      protestedBy: row.protestedBy,
      receivedAt: row.receivedAt,
      recordedBy: { id: row.recordedById, name: row.recordedByName },
      reason: row.reason,
      attachments: photos
        .filter((photo) => photo.protestId === row.id)
        .map((photo) => ({ id: photo.id, contentType: photo.contentType, bytes: photo.bytes })),
      status: row.status,
      decision:
        row.status !== 'open' && row.decidedAt
          ? {
              by: { id: row.decidedById ?? '', name: row.decidedByName ?? '' },
              at: row.decidedAt,
              reason: row.decisionReason ?? '',
              correctionEntryId: row.correctionEntryId,
            }
          : null,
    }));
  }
}

/** What the audit row says was protested. */
function describeTarget(row: ProtestEntity): string {
  const { target } = row;
  if (target.kind === 'entry') return `entry ${target.entryId}`;
  if (target.kind === 'match') return `match ${target.matchId}`;
  return 'ranking';
}

function windowClosed(category: CategoryRow): ApiError {
  return new ApiError(
    HttpStatus.CONFLICT,
    'protests.windowClosed',
    `Protests for this category were accepted until ${protestDeadline(category)} ` +
      `(${protestWindowMinutesOf(category.ruleSet)} minutes after the results were published)`,
  );
}

const categoryLocked = () =>
  conflict(
    'protests.categoryLocked',
    'The results of this category are locked as final; the head judge must unlock it to take a protest',
  );

const alreadyDecided = (id: string) =>
  conflict('protests.alreadyDecided', `Protest ${id} has already been decided`);
