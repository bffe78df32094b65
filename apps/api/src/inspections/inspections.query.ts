import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InspectionFailureView } from '@olympiad/contracts';
import { inspectionRequiredOf, type RuleSet } from '@olympiad/scoring';
import { DataSource, EntityManager, In } from 'typeorm';
import { conflict } from '../common/api-error';
import { InspectionEntity } from './inspection.entity';

const UNIT: Record<InspectionFailureView['limit'], string> = {
  massG: 'g',
  widthMm: 'mm',
  lengthMm: 'mm',
};
const WORD: Record<InspectionFailureView['limit'], string> = {
  massG: 'mass',
  widthMm: 'width',
  lengthMm: 'length',
};

/** What other features ask about inspections (docs/architecture.md#features-own-their-data). */
@Injectable()
export class InspectionsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every inspection of a category, newest first (a team's first row is its latest). */
  inspectionsOf(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InspectionEntity[]> {
    return manager.find(InspectionEntity, {
      where: { categoryId },
      order: { inspectedAt: 'DESC', id: 'DESC' },
    });
  }

  /** The latest inspection of each team of the category, oldest team first for the protocol. */
  async latestOf(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InspectionEntity[]> {
    const latest = new Map<string, InspectionEntity>();
    for (const row of await this.inspectionsOf(categoryId, manager)) {
      if (!latest.has(row.teamId)) latest.set(row.teamId, row);
    }
    return [...latest.values()].reverse();
  }

  /**
   * Refuses (409) when the rules require inspection and one of these teams' latest inspection is
   * missing or failed; the message names the team and the limit.
   */
  async assertPassed(
    category: { id: string; ruleSet: RuleSet },
    teams: { id: string; name: string }[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (!inspectionRequiredOf(category.ruleSet) || teams.length === 0) return;
    const rows = await manager.find(InspectionEntity, {
      where: { categoryId: category.id, teamId: In(teams.map((t) => t.id)) },
      order: { inspectedAt: 'DESC', id: 'DESC' },
    });
    for (const team of teams) {
      const latest = rows.find((row) => row.teamId === team.id);
      if (!latest) {
        throw conflict(
          'inspection.notInspected',
          `${team.name} has not been through technical inspection yet`,
        );
      }
      if (!latest.passed) {
        throw conflict('inspection.notPassed', `${team.name} failed inspection: ${why(latest)}`);
      }
    }
  }
}

/** "mass 1012 g over 1000 g", or the inspector's reason. */
export function why(row: Pick<InspectionEntity, 'failures' | 'failReason'>): string {
  const limits = row.failures.map((f) =>
    f.measured === null
      ? `${WORD[f.limit]} not measured`
      : `${WORD[f.limit]} ${f.measured} ${UNIT[f.limit]} over ${f.max} ${UNIT[f.limit]}`,
  );
  if (row.failReason) limits.push(row.failReason);
  return limits.join('; ');
}
