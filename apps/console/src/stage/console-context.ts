import type { ApiClient } from '@olympiad/ui';
import type { TokenSource } from '../transfer/file-transfer';

/** What every part of a stage page needs: the JSON client and the token for files. */
export interface ConsoleApi {
  api: ApiClient;
  getToken: TokenSource;
}

export interface CategorySummary {
  id: string;
  stageId: string;
  name: string;
  discipline: 'maze' | 'sumo' | 'programming' | 'creative';
  ageGroupLabel: string;
  minGrade: number;
  maxGrade: number;
  preset: string;
  ruleSet: { preset?: string; params?: Record<string, unknown> };
  status: 'setup' | 'running' | 'locked';
  published: boolean;
}

export interface TeamSummary {
  id: string;
  name: string;
  categoryId: string;
  coach: string;
  status: 'active' | 'absent' | 'withdrawn' | 'disqualified';
  checkedInAt: string | null;
  school?: { name: string; town: string };
  members: { name: string; grade: number }[];
}
