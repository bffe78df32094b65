import { Module } from '@nestjs/common';
import { FieldQueuesController } from './field-queues.controller';
import { FieldQueuesService } from './field-queues.service';

/** Running the day: the attempt queue of each maze table and the next match of each sumo ring. */
@Module({ controllers: [FieldQueuesController], providers: [FieldQueuesService] })
export class FieldQueuesModule {}
