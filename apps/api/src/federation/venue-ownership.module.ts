import { Global, Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { HeldEntriesDataModule } from '../held-entries/held-entries-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { FederationDataModule } from './federation-data.module';
import { VenueOwnedStages } from './venue-owned-stages';

/**
 * Which stages a venue owns, for every write route (`@WritesStage`) and the arming socket of any
 * feature: global, so those features need not import the data modules it asks.
 */
@Global()
@Module({
  imports: [
    FederationDataModule,
    CategoriesDataModule,
    TeamsDataModule,
    JudgesDataModule,
    FieldsDataModule,
    HeldEntriesDataModule,
  ],
  providers: [VenueOwnedStages],
  exports: [VenueOwnedStages],
})
export class VenueOwnershipModule {}
