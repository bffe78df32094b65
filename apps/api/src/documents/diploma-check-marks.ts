import { diplomaCheckAddress } from '../diploma-codes/diploma-check-address';
import { formatDiplomaCode } from '../diploma-codes/diploma-code';
import type { DiplomaCodesService } from '../diploma-codes/diploma-codes.service';
import type { CategoryResults, ResultRow } from './category-results.service';
import type { DiplomaCheckMark } from './diploma-check-mark';

/**
 * Each diploma page's check mark: the code is issued (or the page's current one kept) with what
 * the page prints, so the public check shows the same (docs/diplomas.md).
 */
export function diplomaCheckMarks(
  results: CategoryResults,
  codes: DiplomaCodesService,
  publicUrl: string,
) {
  return async (
    row: ResultRow,
    recipient: string,
    place: number | null,
  ): Promise<DiplomaCheckMark> => {
    const code = await codes.issue({
      stageId: results.stage.id,
      categoryId: results.category.id,
      teamId: row.teamId,
      content: {
        olympiad: [results.olympiad.name, results.olympiad.season].filter(Boolean).join(' · '),
        recipient,
        team: row.team,
        members: row.members.map((member) => member.name),
        school: row.school,
        place,
        category: results.category.name,
        stage: results.stage.name,
      },
    });
    return { code: formatDiplomaCode(code), url: diplomaCheckAddress(publicUrl, code) };
  };
}
