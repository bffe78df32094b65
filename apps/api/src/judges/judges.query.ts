import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * What other features may read of judges and their assignments (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class JudgesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
}
