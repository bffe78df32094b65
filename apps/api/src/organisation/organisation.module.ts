import { Module } from '@nestjs/common';
import { FieldsController } from '../fields/fields.controller';

/** The stage's fields, until they get a module of their own. */
@Module({ controllers: [FieldsController] })
export class OrganisationModule {}
