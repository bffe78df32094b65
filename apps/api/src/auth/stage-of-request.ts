import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiRoute } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { rawStatement } from '../database/raw-statement';

/** The tables of the objects that belong to a stage, by the path segment or body key naming them. */
const TABLE_OF_SEGMENT: Record<string, string> = {
  categories: 'category',
  teams: 'team',
  judges: 'judge',
  fields: 'field',
  'held-entries': 'held_entry',
  devices: 'device',
  protests: 'protest',
};
const TABLE_OF_KEY: Record<string, string> = {
  categoryId: 'category',
  categoryIds: 'category',
  teamId: 'team',
  judgeId: 'judge',
  fieldId: 'field',
  fieldIds: 'field',
};
/** A body is searched this deep (a held entry carries its entry one level down) and for this many ids. */
const MAX_DEPTH = 3;
const MAX_IDS = 60;
const PLAIN_ID = /^[A-Za-z0-9-]{1,64}$/;

/** What a request names: the stages its objects belong to, and whether some id matched no object. */
export interface StagesNamed {
  stageIds: Set<string>;
  unknownIds: boolean;
  /**
   * The path names an object that belongs to no stage (an olympiad, a display, a staff account),
   * outside any object that does: such a route is the admin's however granted the other names are.
   */
  stagelessObject: boolean;
}

interface Named {
  table: string | 'stage';
  id: string;
}

/**
 * Which stages a request touches, read from the route's path parameters, its body's ids and a
 * `stageId` query (docs/security.md#staff-accounts). The guard checks them against a
 * coordinator's grants before any handler runs, so a route added later is covered as long as it
 * names its objects the way the others do.
 */
@Injectable()
export class StageOfRequest {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stagesNamed(
    route: ApiRoute,
    params: Record<string, unknown>,
    body: unknown,
    query: Record<string, unknown>,
  ): Promise<StagesNamed> {
    const byPath = namedByPath(route.path, params);
    // A `stageId` query counts only where the route's contract declares one: anywhere else the
    // handler ignores it, so it must not widen what the route reaches.
    const stageQuery = declaresQuery(route, 'stageId') ? query['stageId'] : undefined;
    const named = [
      ...byPath.named,
      ...namedByBody(body, 0),
      ...(typeof stageQuery === 'string' ? [{ table: 'stage', id: stageQuery }] : []),
    ].slice(0, MAX_IDS);
    const stageIds = new Set<string>();
    let unknownIds = false;
    for (const { table, id } of named) {
      // Not an id any table could hold (and nothing PostgreSQL should be asked about: a NUL).
      const stageId = PLAIN_ID.test(id) ? await this.stageOf(table, id) : undefined;
      if (stageId) stageIds.add(stageId);
      else unknownIds = true;
    }
    return { stageIds, unknownIds, stagelessObject: byPath.stagelessObject };
  }

  private async stageOf(table: string, id: string): Promise<string | undefined> {
    const sql =
      table === 'stage'
        ? 'SELECT "id" AS "stageId" FROM "stage" WHERE "id" = ? OR "code" = ?'
        : `SELECT "stageId" FROM "${table}" WHERE "id" = ?`;
    const { rows } = await rawStatement(
      this.dataSource.manager,
      sql,
      table === 'stage' ? [id, id.toUpperCase()] : [id],
    );
    const stageId = rows[0]?.['stageId'];
    return typeof stageId === 'string' ? stageId : undefined;
  }
}

function declaresQuery(route: ApiRoute, name: string): boolean {
  const shape = (route.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return typeof shape === 'object' && shape !== null && name in shape;
}

/**
 * The path's parameters mapped to their tables. A parameter after one that maps (a protest's
 * attachment, a stage's registration job) is looked up by its handler under that parent; one
 * before any (an olympiad, a display) belongs to no stage.
 */
function namedByPath(
  path: string,
  params: Record<string, unknown>,
): { named: Named[]; stagelessObject: boolean } {
  const segments = path.split('/');
  const named: Named[] = [];
  let stagelessObject = false;
  segments.forEach((segment, index) => {
    if (!segment.startsWith(':')) return;
    const name = segment.slice(1);
    const value = params[name];
    const table = tableOfParam(name, segments[index - 1]);
    if (table && typeof value === 'string') named.push({ table, id: value });
    else if (named.length === 0) stagelessObject = true;
  });
  return { named, stagelessObject };
}

function tableOfParam(name: string, resource: string): string | undefined {
  if (name === 'stageId' || name === 'code' || resource === 'stages') return 'stage';
  if (Object.hasOwn(TABLE_OF_KEY, name)) return TABLE_OF_KEY[name];
  return Object.hasOwn(TABLE_OF_SEGMENT, resource) ? TABLE_OF_SEGMENT[resource] : undefined;
}

/** `stageId`, and any key naming another stage (`targetStageId`). */
const isStageKey = (key: string) => key === 'stageId' || key.endsWith('StageId');

function namedByBody(value: unknown, depth: number): Named[] {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value))
    return value.slice(0, MAX_IDS).flatMap((item) => namedByBody(item, depth + 1));
  return Object.entries(value).flatMap(([key, inner]) => {
    if (isStageKey(key) && typeof inner === 'string') return [{ table: 'stage', id: inner }];
    // Own keys only: a body key such as `constructor` is no table.
    const table = Object.hasOwn(TABLE_OF_KEY, key) ? TABLE_OF_KEY[key] : undefined;
    if (table && typeof inner === 'string') return [{ table, id: inner }];
    if (table && Array.isArray(inner))
      return inner
        .slice(0, MAX_IDS)
        .filter((id): id is string => typeof id === 'string')
        .map((id) => ({ table, id }));
    return namedByBody(inner, depth + 1);
  });
}
