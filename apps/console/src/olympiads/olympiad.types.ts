/** The answer of `GET /api/stages?olympiadId=`. */
export interface StageSummary {
  id: string;
  name: string;
  kind: 'regional' | 'republic';
  regionCode: string | null;
  code: string;
  status: 'draft' | 'live' | 'closed';
  startsOn: string;
  endsOn: string;
}
