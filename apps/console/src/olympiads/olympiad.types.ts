/** The answers of `GET /api/olympiads` and `GET /api/stages?olympiadId=`. */
export interface OlympiadSummary {
  id: string;
  name: string;
  season: string;
  /** Where the hall screens load the olympiad's logo from; null when none was uploaded. */
  logoUrl: string | null;
}

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
