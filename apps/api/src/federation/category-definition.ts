import type { CategoryEntity } from '../categories/category.entity';

/**
 * What a category is, apart from its id, rule set and state: the part the olympiad's template
 * hands down to every regional stage and the venue's copy must keep (docs/federation.md,
 * "Template").
 */
export function categoryDefinition(category: CategoryEntity) {
  return {
    discipline: category.discipline,
    name: category.name,
    ageGroupLabel: category.ageGroupLabel,
    minGrade: category.minGrade,
    maxGrade: category.maxGrade,
    preset: category.preset,
  };
}

/** The rule set the republic defined: the template a category keeps, or its own if it has none. */
export function templateRuleSetOf(category: CategoryEntity) {
  return category.templateRuleSet ?? category.ruleSet;
}
