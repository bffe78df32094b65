import type { Discipline } from '@olympiad/scoring';

interface FieldRef {
  id: string;
  discipline: Discipline;
}
interface CategoryRef {
  id: string;
  discipline: Discipline;
}
interface JudgeRef {
  active: boolean;
  categoryIds: readonly string[];
  fieldIds: readonly string[];
}

/**
 * The categories each field runs: those of the active judges who stand at it, of the field's own
 * discipline (a judge of maze and sumo at a maze table runs only the maze there). A category whose
 * judges stand at two tables is on both.
 */
export function categoriesOfFields(
  fields: readonly FieldRef[],
  categories: readonly CategoryRef[],
  judges: readonly JudgeRef[],
): Map<string, string[]> {
  const disciplineOf = new Map(categories.map((category) => [category.id, category.discipline]));
  const order = new Map(categories.map((category, index) => [category.id, index]));
  const result = new Map<string, Set<string>>(fields.map((field) => [field.id, new Set<string>()]));
  const fieldDiscipline = new Map(fields.map((field) => [field.id, field.discipline]));
  for (const judge of judges) {
    if (!judge.active) continue;
    for (const fieldId of judge.fieldIds) {
      const onField = result.get(fieldId);
      if (!onField) continue;
      for (const categoryId of judge.categoryIds) {
        if (disciplineOf.get(categoryId) === fieldDiscipline.get(fieldId)) onField.add(categoryId);
      }
    }
  }
  return new Map(
    [...result].map(([fieldId, ids]) => [
      fieldId,
      [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    ]),
  );
}
