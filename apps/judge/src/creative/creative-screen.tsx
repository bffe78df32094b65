import { CREATIVE_MARKS, type CreativeRuleSet } from '@olympiad/scoring';
import type { ScreenProps } from '../category/category-page';
import { RubricScreen } from './rubric-screen';

export function CreativeScreen({ state }: ScreenProps) {
  const ruleSet = state.data.category.ruleSet as CreativeRuleSet;
  return <RubricScreen state={state} rubric={ruleSet.params} kind={CREATIVE_MARKS} />;
}
