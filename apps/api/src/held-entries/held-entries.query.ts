import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * What other features may read of held entries (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class HeldEntriesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
}
