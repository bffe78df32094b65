import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateJudge, CreatedJudge, UpdateJudge } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { changedFields, pick } from '../audit/audit-change';
import { AuditRecorder, SERVER_ACTOR, type AuditActor } from '../audit/audit-recorder';
import { AuthService } from '../auth/auth.service';
import { hashSecret, randomPin } from '../auth/secret-hash';
import { CategoriesQuery } from '../categories/categories.query';
import { conflict, notFound, unknownReference } from '../common/api-error';
import { FieldsQuery } from '../fields/fields.query';
import { StagesQuery } from '../stages/stages.query';
import { JudgeAssignmentEntity } from './judge-assignment.entity';
import { JudgeEntity } from './judge.entity';

@Injectable()
export class JudgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly stages: StagesQuery,
    private readonly categoriesQuery: CategoriesQuery,
    private readonly fieldsQuery: FieldsQuery,
    private readonly audit: AuditRecorder,
  ) {}

  async create(input: CreateJudge, actor: AuditActor = SERVER_ACTOR): Promise<CreatedJudge> {
    const manager = this.dataSource.manager;
    if (!(await this.stages.stageExists(input.stageId, manager))) {
      throw unknownReference('stageId', 'stage', input.stageId);
    }
    const categories = (
      await this.categoriesQuery.categoriesByIds(input.categoryIds, manager)
    ).filter((category) => category.stageId === input.stageId);
    const missingCategory = input.categoryIds.find(
      (id) => !categories.some((category) => category.id === id),
    );
    if (missingCategory)
      throw unknownReference('categoryIds', 'category in this stage', missingCategory);
    const fields = (await this.fieldsQuery.fieldsByIds(input.fieldIds, manager)).filter(
      (field) => field.stageId === input.stageId,
    );
    const missingField = input.fieldIds.find((id) => !fields.some((field) => field.id === id));
    if (missingField) throw unknownReference('fieldIds', 'field in this stage', missingField);

    const pin = input.pin ?? (await this.freePin(input.stageId));
    const pinLookup = this.auth.pinLookup(input.stageId, pin);
    if (await manager.existsBy(JudgeEntity, { stageId: input.stageId, pinLookup })) {
      throw conflict('judges.pinTaken', 'Another judge of this stage has this PIN; choose another');
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      await tx.save(
        Object.assign(new JudgeEntity(), {
          id,
          stageId: input.stageId,
          name: input.name,
          role: input.role,
          pinLookup,
          pinHash: await hashSecret(pin),
          active: true,
        }),
      );
      await tx.save([
        ...input.categoryIds.map((categoryId) =>
          Object.assign(new JudgeAssignmentEntity(), {
            id: randomUUID(),
            judgeId: id,
            categoryId,
            fieldId: null,
          }),
        ),
        ...input.fieldIds.map((fieldId) =>
          Object.assign(new JudgeAssignmentEntity(), {
            id: randomUUID(),
            judgeId: id,
            categoryId: null,
            fieldId,
          }),
        ),
      ]);
      await this.audit.record(
        {
          actor,
          stageId: input.stageId,
          object: { kind: 'judge', id, name: input.name },
          action: 'judge.create',
          after: {
            name: input.name,
            role: input.role,
            categoryIds: input.categoryIds,
            fieldIds: input.fieldIds,
          },
        },
        tx,
      );
    });
    return {
      id,
      name: input.name,
      role: input.role,
      stageId: input.stageId,
      categoryIds: input.categoryIds,
      fieldIds: input.fieldIds,
      pin,
    };
  }

  async list(stageId: string) {
    const judges = await this.dataSource.manager.find(JudgeEntity, {
      where: { stageId },
      relations: { assignments: true },
      order: { name: 'ASC' },
    });
    return judges.map((judge) => ({
      id: judge.id,
      name: judge.name,
      role: judge.role,
      active: judge.active,
      categoryIds: (judge.assignments ?? []).flatMap((a) => (a.categoryId ? [a.categoryId] : [])),
      fieldIds: (judge.assignments ?? []).flatMap((a) => (a.fieldId ? [a.fieldId] : [])),
    }));
  }

  /** Deactivating a judge ends their sign-ins at once: every request re-reads the account. */
  async update(id: string, input: UpdateJudge, actor: AuditActor = SERVER_ACTOR) {
    const judge = await this.dataSource.manager.findOneBy(JudgeEntity, { id });
    if (!judge) throw notFound('Judge', id);
    const fields = Object.keys(input) as (keyof UpdateJudge)[];
    const change = changedFields(pick(judge, fields), pick({ ...judge, ...input }, fields));
    await this.dataSource.transaction(async (tx) => {
      await tx.update(JudgeEntity, { id }, input);
      if (Object.keys(change.after ?? {}).length === 0) return;
      await this.audit.record(
        {
          actor,
          stageId: judge.stageId,
          object: { kind: 'judge', id, name: judge.name },
          action: judge.active && input.active === false ? 'judge.deactivate' : 'judge.update',
          ...change,
        },
        tx,
      );
    });
    const updated = (await this.list(judge.stageId)).find((candidate) => candidate.id === id);
    if (!updated) throw notFound('Judge', id);
    return updated;
  }

  /** A lost PIN card: a new PIN, shown once; the old one stops working. */
  async resetPin(
    id: string,
    actor: AuditActor = SERVER_ACTOR,
  ): Promise<{ id: string; pin: string }> {
    const judge = await this.dataSource.manager.findOneBy(JudgeEntity, { id });
    if (!judge) throw notFound('Judge', id);
    const pin = await this.freePin(judge.stageId);
    const pinHash = await hashSecret(pin);
    await this.dataSource.transaction(async (tx) => {
      await tx.update(
        JudgeEntity,
        { id },
        { pinLookup: this.auth.pinLookup(judge.stageId, pin), pinHash },
      );
      // The PIN itself is never on the record.
      await this.audit.record(
        {
          actor,
          stageId: judge.stageId,
          object: { kind: 'judge', id, name: judge.name },
          action: 'judge.pinReset',
        },
        tx,
      );
    });
    return { id, pin };
  }

  private async freePin(stageId: string): Promise<string> {
    for (;;) {
      const pin = randomPin(6);
      const taken = await this.dataSource.manager.existsBy(JudgeEntity, {
        stageId,
        pinLookup: this.auth.pinLookup(stageId, pin),
      });
      if (!taken) return pin;
    }
  }
}
