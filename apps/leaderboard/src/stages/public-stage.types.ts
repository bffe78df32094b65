/** One entry of `GET /api/public/stages`. */
export interface PublicStage {
  code: string;
  name: string;
  kind: 'regional' | 'republic';
  regionCode: string | null;
  status: 'draft' | 'live' | 'closed';
}
