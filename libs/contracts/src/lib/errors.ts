/** The body of every 4xx/5xx answer of the API. `key` selects the kk/ru/en message in libs/i18n. */
export interface ApiErrorBody {
  statusCode: number;
  key: string;
  message: string;
  issues?: { path: string; key: string; message: string }[];
}
