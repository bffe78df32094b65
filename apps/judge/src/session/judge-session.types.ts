import type { JudgeRole } from '@olympiad/contracts';

/**
 * What `POST /api/auth/judge` and `GET /api/me` answer for a judge. Kept here until
 * libs/contracts carries the response types of the API.
 */
export interface AssignedCategory {
  id: string;
  name: string;
  discipline: string;
  /** The API sends the label ("3–4") or the whole age group object. */
  ageGroup: string | { label: string };
}

export interface AssignedField {
  id: string;
  name: string;
  discipline: string;
}

export interface JudgeMe {
  role: JudgeRole;
  judge: { id: string; name: string; role: JudgeRole; stageId: string; stageName: string };
  assignments: { categories: AssignedCategory[]; fields: AssignedField[] };
}

export interface JudgeSignInAnswer extends JudgeMe {
  token: string;
}

export function ageGroupLabel(ageGroup: AssignedCategory['ageGroup']): string {
  return typeof ageGroup === 'string' ? ageGroup : ageGroup.label;
}
