import { Injectable } from '@nestjs/common';
import { KeyedQueue } from '../common/keyed-queue';

/**
 * One field's arm, cancel, attach and gate events run one after another: every run-timing use
 * case reads the field's active run and writes what follows from it.
 */
@Injectable()
export class FieldRunQueue extends KeyedQueue {}
