import type { CategorySummary } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';

const disciplineKeys: Record<string, MessageKey> = {
  maze: 'discipline.maze',
  sumo: 'discipline.sumo',
  programming: 'discipline.programming',
  creative: 'discipline.creative',
};

/** "Maze · Grades 3–4" in the viewer's language, under the category's own name. */
export function categoryDetail(
  category: CategorySummary,
  t: (key: MessageKey, params?: Record<string, string>) => string,
): string {
  const discipline = disciplineKeys[category.discipline]
    ? t(disciplineKeys[category.discipline])
    : category.discipline;
  return `${discipline} · ${t('ageGroup.grades', { label: category.ageGroup })}`;
}
