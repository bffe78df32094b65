import { bridgeConfigSchema, type BridgeConfig } from '@olympiad/contracts';
import * as fs from 'node:fs';

/**
 * `--config <file>`: the JSON the console shows once when a device is registered (and encodes in
 * its QR code), `{ mqttUrl, deviceId, username, password }`, read with the contract's schema.
 */
export function readBridgeConfig(file: string): BridgeConfig {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a JSON bridge configuration (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = bridgeConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

export interface LinkSettings {
  url: string;
  deviceId: string;
  username: string;
  secret: string;
}

/**
 * Where and as whom to connect: each flag given overrides the configuration file. A device id
 * given as a flag is also the broker user name (the broker admits a device only under its own id).
 */
export function linkSettings(flags: { url?: string; device?: string; secret?: string }, config: BridgeConfig | null): LinkSettings {
  const url = flags.url ?? config?.mqttUrl;
  const deviceId = flags.device ?? config?.deviceId;
  const secret = flags.secret ?? config?.password;
  const missing = [!url && '--url', !deviceId && '--device', !secret && '--secret'].filter(Boolean);
  if (!url || !deviceId || !secret) throw new Error(`Missing ${missing.join(', ')}: give them as flags or with --config <file.json>`);
  const username = flags.device === undefined && config ? config.username : deviceId;
  return { url, deviceId, username, secret };
}
