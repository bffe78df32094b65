import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { StagesQuery } from '../stages/stages.query';
import { newDiplomaCode, normaliseDiplomaCode } from './diploma-code';
import { DiplomaCodeEntity } from './diploma-code.entity';

/** What one diploma or certificate page prints, kept with its code for the public check. */
export interface DiplomaContent {
  olympiad: string;
  recipient: string;
  team: string;
  members: string[];
  school: string;
  /** The place of a diploma (1–3); null on a certificate of participation. */
  place: number | null;
  category: string;
  stage: string;
}

export interface DiplomaIssue {
  stageId: string;
  categoryId: string;
  teamId: string;
  content: DiplomaContent;
}

export interface DiplomaCheck {
  code: string;
  /**
   * The category's results are not public (unpublished, or its stage a draft or gone): the page
   * says so and shows nothing of the diploma, which was printed before the results were.
   */
  embargoed: boolean;
  content: DiplomaContent;
  issuedAt: string;
  supersededBy: string | null;
}

const HIDDEN: DiplomaContent = {
  olympiad: '',
  recipient: '',
  team: '',
  members: [],
  school: '',
  place: null,
  category: '',
  stage: '',
};

const fingerprintOf = (content: DiplomaContent) =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex');

/**
 * Check codes of diplomas (docs/diplomas.md): the same page printed again keeps its code; a page
 * whose content changed (a corrected result, a renamed team) gets a new code, and the old one
 * is marked as replaced by it.
 */
@Injectable()
export class DiplomaCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesQuery,
    private readonly stages: StagesQuery,
  ) {}

  /** The code of one printed page: the current one when the page is unchanged, else a new one that replaces it. */
  async issue(page: DiplomaIssue): Promise<string> {
    return (await this.keep(page, true)) as string;
  }

  /**
   * A page left out of this printing (only the winners were printed): if it was printed before and
   * would now say something else (a correction took the team out of the places), its code is
   * replaced, so the old one no longer checks as genuine.
   */
  async settle(page: DiplomaIssue): Promise<void> {
    await this.keep(page, false);
  }

  private async keep(page: DiplomaIssue, printed: boolean): Promise<string | null> {
    const recipient = page.content.recipient.slice(0, 200);
    const fingerprint = fingerprintOf(page.content);
    return this.dataSource.transaction(async (tx) => {
      const before = await tx.findOneBy(DiplomaCodeEntity, {
        categoryId: page.categoryId,
        teamId: page.teamId,
        recipient,
        supersededBy: IsNull(),
      });
      if (before?.fingerprint === fingerprint) return before.code;
      if (!before && !printed) return null;
      const code = newDiplomaCode();
      await tx.insert(DiplomaCodeEntity, {
        code,
        stageId: page.stageId,
        categoryId: page.categoryId,
        teamId: page.teamId,
        recipient,
        fingerprint,
        content: JSON.stringify(page.content),
        issuedAt: new Date().toISOString(),
        supersededBy: null,
      });
      if (before) await tx.update(DiplomaCodeEntity, { code: before.code }, { supersededBy: code });
      return code;
    });
  }

  /** The diploma a code was printed on, as typed by anyone; null when no diploma has it. */
  async check(typed: string): Promise<DiplomaCheck | null> {
    const code = normaliseDiplomaCode(typed);
    if (!code) return null;
    const row = await this.dataSource.manager.findOneBy(DiplomaCodeEntity, { code });
    if (!row) return null;
    const category = await this.categories.categoryById(row.categoryId);
    const stage = await this.stages.stageById(row.stageId);
    // The same embargo as the public results (docs/diplomas.md, "The check page").
    if (!category?.published || !stage || stage.status === 'draft')
      return {
        code: row.code,
        embargoed: true,
        content: { ...HIDDEN },
        issuedAt: row.issuedAt,
        supersededBy: null,
      };
    return {
      code: row.code,
      embargoed: false,
      content: JSON.parse(row.content) as DiplomaContent,
      issuedAt: row.issuedAt,
      supersededBy: row.supersededBy,
    };
  }
}
