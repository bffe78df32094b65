import type { ApiClient } from '@olympiad/ui';
import type { TokenSource } from '../transfer/file-transfer';

/** What every part of a stage page needs: the JSON client and the token for files. */
export interface ConsoleApi {
  api: ApiClient;
  getToken: TokenSource;
}
