import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalid } from './api-error';

/**
 * A handler that names one query parameter (`@Query('stageId')`) gets one string: Express makes
 * `?stageId=a&stageId=b` an array (and an extended query parser would make `?stageId[x]=1` an
 * object), which would otherwise reach a database query as a value it cannot bind
 * (docs/reliability.md#hostile-input).
 */
@Injectable()
export class SingleQueryValuePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (
      metadata.type !== 'query' ||
      !metadata.data ||
      value === undefined ||
      typeof value === 'string'
    ) {
      return value;
    }
    const name = metadata.data;
    throw invalid(`${name}: give one value`, [
      { path: name, key: 'validation.invalid_type', message: 'one value expected' },
    ]);
  }
}
