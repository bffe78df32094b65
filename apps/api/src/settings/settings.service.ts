import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppSettingEntity } from './app-setting.entity';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(AppSettingEntity) private readonly settings: Repository<AppSettingEntity>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.settings.findOneBy({ key }))?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.settings.save({ key, value });
  }

  async remove(key: string): Promise<void> {
    await this.settings.delete({ key });
  }

  /** The stored value, or `create()`'s value stored now (the first replica to start wins). */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    const existing = await this.get(key);
    if (existing !== undefined) return existing;
    await this.settings.createQueryBuilder().insert().values({ key, value: create() }).orIgnore().execute();
    return (await this.get(key)) as string;
  }
}
