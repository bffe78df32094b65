import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  DisplayConfig,
  DisplayHelloResult,
  DisplayPairing,
  DisplaySummary,
  UpdateDisplay,
} from '@olympiad/contracts';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ApiError, notFound } from '../common/api-error';
import { SettingsService } from '../settings/settings.service';
import { StagesQuery } from '../stages/stages.query';
import { newPairingCode, normalisePairingCode } from './pairing-code';

/** Stored in `app_setting` under `display:{id}`: survives restarts and is shared by replicas. */
interface StoredDisplay {
  secretHash: string;
  code: string | null;
  name: string | null;
  config: DisplayConfig;
  createdAt: string;
  /** Only in records written before last-seen got its own key (`display-seen:{id}`); read as a fallback. */
  lastSeenAt: string | null;
}

/** How the gateway answers a hello whose secret was right: joins the room, then builds the answer. */
export type HelloEntry = (answer: () => Promise<DisplayHelloResult>) => Promise<DisplayHelloResult>;

export const DEFAULT_DISPLAY_CONFIG: DisplayConfig = {
  stageCode: null,
  mode: 'hall',
  lang: 'kk+ru',
  everySeconds: 15,
};
const PREFIX = 'display:';
/** Last-seen apart from the record, so a hello never writes back what the organiser changes. */
const SEEN_PREFIX = 'display-seen:';
const UNKNOWN: DisplayHelloResult = {
  ok: false,
  key: 'displays.unknown',
  message: 'This display is not known; pair it again',
};
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Screens in the hall that configure themselves: a new screen asks for a pairing code and shows
 * it; the organiser types it into the console with a name and what the screen should show.
 */
@Injectable()
export class DisplaysService {
  constructor(
    private readonly settings: SettingsService,
    private readonly stages: StagesQuery,
  ) {}

  async pair(): Promise<DisplayPairing> {
    const taken = new Set((await this.all()).map(([, display]) => display.code));
    let code = newPairingCode();
    while (taken.has(code)) code = newPairingCode();
    const displayId = randomUUID();
    const secret = randomBytes(24).toString('base64url');
    await this.store(displayId, {
      secretHash: hash(secret),
      code,
      name: null,
      config: DEFAULT_DISPLAY_CONFIG,
      createdAt: new Date().toISOString(),
      lastSeenAt: null,
    });
    return { displayId, secret, code };
  }

  /**
   * A display (re)connected: proves it is the one paired, and gets what it should show. The
   * secret is checked before `enter` joins its room, and what it should show is read only after
   * (docs/architecture.md, `displays/`): a change pushed meanwhile reaches it.
   */
  async hello(
    displayId: string,
    secret: string,
    enter: HelloEntry = (answer) => answer(),
  ): Promise<DisplayHelloResult> {
    const display = await this.load(displayId);
    const expected = display ? Buffer.from(display.secretHash, 'hex') : undefined;
    const given = Buffer.from(hash(secret), 'hex');
    if (!display || !expected || !timingSafeEqual(expected, given)) return UNKNOWN;
    await this.markSeen(displayId);
    return enter(async () => {
      const current = await this.load(displayId);
      if (!current) return UNKNOWN;
      return {
        ok: true,
        paired: current.code === null,
        code: current.code,
        config: current.config,
      };
    });
  }

  /** A display's socket closed; a display removed meanwhile is not recorded again. */
  async seen(displayId: string): Promise<void> {
    if (await this.settings.get(PREFIX + displayId)) await this.markSeen(displayId);
  }

  /** The organiser claims the display showing `code`; the code is used up. */
  async claim(
    typedCode: string,
    name: string,
    config: Partial<DisplayConfig>,
  ): Promise<{ id: string; config: DisplayConfig }> {
    const code = normalisePairingCode(typedCode);
    const found = (await this.all()).find(([, display]) => display.code === code);
    if (!found)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'displays.codeUnknown',
        `No display is showing the code ${code}`,
      );
    const [id, display] = found;
    const merged = await this.checked({ ...display.config, ...config });
    await this.store(id, { ...display, code: null, name, config: merged });
    return { id, config: merged };
  }

  async update(id: string, change: UpdateDisplay): Promise<DisplayConfig> {
    const display = await this.load(id);
    if (!display) throw notFound('Display', id);
    const { name, ...config } = change;
    const merged = await this.checked({ ...display.config, ...config });
    await this.store(id, { ...display, name: name ?? display.name, config: merged });
    return merged;
  }

  async remove(id: string): Promise<void> {
    await this.settings.remove(SEEN_PREFIX + id);
    if (!(await this.settings.remove(PREFIX + id))) throw notFound('Display', id);
  }

  async list(online: (id: string) => Promise<boolean>): Promise<DisplaySummary[]> {
    const displays = await this.all();
    const seen = new Map(
      (await this.settings.withPrefix(SEEN_PREFIX)).map((row) => [
        row.key.slice(SEEN_PREFIX.length),
        row.value,
      ]),
    );
    const summaries = await Promise.all(
      displays.map(async ([id, display]) => ({
        id,
        name: display.name,
        code: display.code,
        paired: display.code === null,
        config: display.config,
        lastSeenAt: seen.get(id) ?? display.lastSeenAt,
        online: await online(id),
      })),
    );
    return summaries.sort((a, b) => (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? ''));
  }

  /** A stage code must name a stage (a draft one too: screens are set up before the day). */
  private async checked(config: DisplayConfig): Promise<DisplayConfig> {
    if (config.stageCode === null) return config;
    const stageCode = config.stageCode.toUpperCase();
    if (!(await this.stages.stageByCode(stageCode))) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'displays.stageUnknown',
        `No stage has the code ${stageCode}`,
        [{ path: 'stageCode', key: 'displays.stageUnknown', message: 'No stage has this code' }],
      );
    }
    return { ...config, stageCode };
  }

  private async load(id: string): Promise<StoredDisplay | null> {
    const value = await this.settings.get(PREFIX + id);
    return value !== undefined ? (JSON.parse(value) as StoredDisplay) : null;
  }

  private async all(): Promise<[string, StoredDisplay][]> {
    const rows = await this.settings.withPrefix(PREFIX);
    return rows.map((row) => [
      row.key.slice(PREFIX.length),
      JSON.parse(row.value) as StoredDisplay,
    ]);
  }

  private async markSeen(displayId: string): Promise<void> {
    await this.settings.set(SEEN_PREFIX + displayId, new Date().toISOString());
  }

  private async store(id: string, display: StoredDisplay): Promise<void> {
    await this.settings.set(PREFIX + id, JSON.stringify(display));
  }
}
