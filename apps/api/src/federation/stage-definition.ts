import type { CategoryRow } from '../categories/categories.query';
import type { StageRow } from '../stages/stages.query';

/** What a stage is, apart from its id, olympiad and state, as the republic defines it for its venue. */
export function stageDefinition(stage: StageRow) {
  return {
    kind: stage.kind,
    regionCode: stage.regionCode,
    name: stage.name,
    venue: stage.venue,
    startsOn: stage.startsOn,
    endsOn: stage.endsOn,
    code: stage.code,
  };
}

/**
 * What a category is, apart from its id, rule set and state: the part the olympiad's template
 * hands down to every regional stage and the venue's copy must keep (docs/federation.md,
 * "Template").
 */
export function categoryDefinition(category: CategoryRow) {
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
export function templateRuleSetOf(category: CategoryRow) {
  return category.templateRuleSet ?? category.ruleSet;
}
