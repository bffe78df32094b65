import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { createOlympiadSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { notFound } from '../common/api-error';
import { OlympiadEntity } from './olympiad.entity';

class CreateOlympiadDto extends createZodDto(createOlympiadSchema) {}

@ApiTags('olympiads')
@ApiBearerAuth()
@Controller('olympiads')
export class OlympiadsController {
  constructor(@InjectRepository(OlympiadEntity) private readonly olympiads: Repository<OlympiadEntity>) {}

  @Get()
  list() {
    return this.olympiads.find({ order: { createdAt: 'DESC' } });
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.olympiads.findOneBy({ id })) ?? Promise.reject(notFound('Olympiad', id));
  }

  @Post()
  create(@Body() body: CreateOlympiadDto) {
    return this.olympiads.save({ id: randomUUID(), ...body, createdAt: new Date().toISOString() });
  }
}
