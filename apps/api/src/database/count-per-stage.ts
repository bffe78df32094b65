import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** How many rows of a table with a `stageId` column each of these stages has (none: left out). */
export async function countPerStage<Row extends ObjectLiteral & { stageId: string }>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  stageIds: string[],
): Promise<Map<string, number>> {
  if (stageIds.length === 0) return new Map();
  const rows: { stageId: string; count: string | number }[] = await manager
    .createQueryBuilder(entity, 'row')
    .select('row.stageId', 'stageId')
    .addSelect('COUNT(*)', 'count')
    .where('row.stageId IN (:...stageIds)', { stageIds })
    .groupBy('row.stageId')
    .getRawMany();
  return new Map(rows.map((row) => [row.stageId, Number(row.count)]));
}
