import { Module } from '@nestjs/common';
import { DevicesController } from '../devices/devices.controller';
import { FieldsController } from '../fields/fields.controller';
import { OlympiadsController } from '../olympiads/olympiads.controller';
import { RegionsController } from '../regions/regions.controller';
import { SchoolsController } from '../schools/schools.controller';

/** The plain records an organiser keeps: olympiads, regions, schools, fields and devices. */
@Module({ controllers: [OlympiadsController, RegionsController, SchoolsController, FieldsController, DevicesController] })
export class OrganisationModule {}
