import type { PublicStageSummary } from '@olympiad/contracts';

/** One entry of `GET /api/public/stages` (a type only: no contracts code reaches the bundle). */
export type PublicStage = PublicStageSummary;
