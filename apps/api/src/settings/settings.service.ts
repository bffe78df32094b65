import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Like, Repository } from 'typeorm';
import { AppSettingEntity } from './app-setting.entity';

@Injectable()
export class SettingsService {
  constructor(
    @InjectRepository(AppSettingEntity) private readonly settings: Repository<AppSettingEntity>,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.settings.findOneBy({ key }))?.value;
  }

  /** With `manager`, inside the caller's transaction. */
  async set(key: string, value: string, manager?: EntityManager): Promise<void> {
    if (manager) await manager.save(AppSettingEntity, { key, value });
    else await this.settings.save({ key, value });
  }

  /** Whether there was a value to remove. */
  async remove(key: string): Promise<boolean> {
    return Boolean((await this.settings.delete({ key })).affected);
  }

  /** Every stored key starting with `prefix` (e.g. `display:`), with its value. */
  async withPrefix(prefix: string): Promise<{ key: string; value: string }[]> {
    const rows = await this.settings.findBy({ key: Like(`${prefix}%`) });
    return rows.map(({ key, value }) => ({ key, value }));
  }

  /** The stored value, or `create()`'s value stored now (the first replica to start wins). */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    const existing = await this.get(key);
    if (existing !== undefined) return existing;
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ key, value: create() })
      .orIgnore()
      .execute();
    return (await this.get(key)) as string;
  }
}
