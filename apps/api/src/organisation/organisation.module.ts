import { Module } from '@nestjs/common';
import { FieldsController } from '../fields/fields.controller';
import { LiveModule } from '../live/live.module';
import { OlympiadLogoService } from '../olympiads/olympiad-logo.service';
import { OlympiadsController } from '../olympiads/olympiads.controller';
import { RegionsController } from '../regions/regions.controller';
import { SchoolsController } from '../schools/schools.controller';

/** The plain records an organiser keeps: olympiads, regions, schools and fields. */
@Module({
  imports: [LiveModule],
  controllers: [OlympiadsController, RegionsController, SchoolsController, FieldsController],
  providers: [OlympiadLogoService],
  exports: [OlympiadLogoService],
})
export class OrganisationModule {}
