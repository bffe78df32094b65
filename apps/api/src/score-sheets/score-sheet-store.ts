import { Injectable } from '@nestjs/common';
import { scoreSheetSchema, type ScoreSheet } from '@olympiad/contracts';
import { z } from 'zod';
import { SettingsService } from '../settings/settings.service';

const roundKey = (categoryId: string, round: number) => `score-sheets:${categoryId}:${round}`;
const codeKey = (code: string) => `score-sheet:${code}`;
const sheetsSchema = z.array(scoreSheetSchema);

/**
 * The printed sheets, kept in `app_setting`: a round's sheets under one key, made once (the first
 * writer wins, so two organisers printing at once get the same sheets), and each code pointing at
 * its round. A sheet never changes after it is made: its rows are what the paper says.
 */
@Injectable()
export class ScoreSheetStore {
  constructor(private readonly settings: SettingsService) {}

  async sheetsOfRound(
    categoryId: string,
    round: number,
    make?: () => ScoreSheet[],
  ): Promise<ScoreSheet[] | null> {
    const key = roundKey(categoryId, round);
    const stored = make
      ? await this.settings.getOrCreate(key, () => JSON.stringify(make()))
      : await this.settings.get(key);
    if (stored === undefined) return null;
    const sheets = sheetsSchema.parse(JSON.parse(stored));
    if (make) {
      for (const sheet of sheets) {
        await this.settings.set(codeKey(sheet.code), JSON.stringify({ categoryId, round }));
      }
    }
    return sheets;
  }

  async sheetByCode(code: string): Promise<ScoreSheet | null> {
    const pointer = await this.settings.get(codeKey(code));
    if (pointer === undefined) return null;
    const { categoryId, round } = z
      .object({ categoryId: z.string(), round: z.number() })
      .parse(JSON.parse(pointer));
    const sheets = await this.sheetsOfRound(categoryId, round);
    return sheets?.find((sheet) => sheet.code === code) ?? null;
  }
}
