import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Creates an empty database on the server of TEST_POSTGRES_URL and returns its URL. */
export async function freshPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `olympiad_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
