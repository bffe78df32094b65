import type { FieldQueue } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';

/**
 * A category run at this table and others too: its teams are split between the tables by name
 * (README, "Running the day"), so the table says with whom it shares and that it calls only its own.
 */
export function SharedCategories({ field }: { field: FieldQueue }) {
  const { t } = useLanguage();
  const shared = field.categories.filter((category) => (category.sharedWith ?? []).length > 0);
  if (shared.length === 0) return null;
  return (
    <>
      {shared.map((category) => (
        <p key={category.id} className="field-card__shared" data-shared={category.id}>
          {t('console.queue.shared', {
            category: category.name,
            tables: (category.sharedWith ?? []).join(', '),
          })}
        </p>
      ))}
    </>
  );
}

/** A team's category, named when the table runs more than one (so its queue is not a mystery mix). */
export function TeamCategory({ field, categoryId }: { field: FieldQueue; categoryId: string }) {
  if (field.categories.length < 2) return null;
  const name = field.categories.find((category) => category.id === categoryId)?.name ?? '';
  return (
    <span className="tag team-category" data-category={categoryId}>
      {name}
    </span>
  );
}
