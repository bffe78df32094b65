import { diplomaCheckAddress } from '../diploma-codes/diploma-check-address';
import { formatDiplomaCode } from '../diploma-codes/diploma-code';
import type { DiplomaCodesService, DiplomaIssue } from '../diploma-codes/diploma-codes.service';
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
    const code = await codes.issue(pageOf(results, row, recipient, place));
    return { code: formatDiplomaCode(code), url: diplomaCheckAddress(publicUrl, code) };
  };
}

/**
 * Only the winners printed: each team that is not among them (any more) would get a certificate,
 * so a diploma printed for it earlier is replaced by that certificate's code (docs/diplomas.md).
 */
export async function settleUnprintedDiplomas(
  results: CategoryResults,
  codes: DiplomaCodesService,
  printed: (row: ResultRow) => boolean,
): Promise<void> {
  for (const row of results.rows) {
    if (row.status === 'absent' || row.status === 'withdrawn' || printed(row)) continue;
    for (const recipient of row.members.length > 0
      ? row.members.map((member) => member.name)
      : [row.team])
      await codes.settle(pageOf(results, row, recipient, null));
  }
}

function pageOf(
  results: CategoryResults,
  row: ResultRow,
  recipient: string,
  place: number | null,
): DiplomaIssue {
  return {
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
  };
}
