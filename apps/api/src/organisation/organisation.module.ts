import { Module } from '@nestjs/common';
import { FieldsController } from '../fields/fields.controller';
import { OlympiadsController } from '../olympiads/olympiads.controller';
import { RegionsController } from '../regions/regions.controller';
import { SchoolsController } from '../schools/schools.controller';

/** The plain records an organiser keeps: olympiads, regions, schools and fields. */
@Module({ controllers: [OlympiadsController, RegionsController, SchoolsController, FieldsController] })
export class OrganisationModule {}
