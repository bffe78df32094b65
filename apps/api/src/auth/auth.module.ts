import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { APP_CONFIG } from '../config/app-config';
import { FieldsDataModule } from '../fields/fields-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { AccountSockets } from './account-sockets';
import { StaffAccountStates } from './staff-account-states';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OrganiserAccountEntity } from './organiser-account.entity';
import { SignInBackoff } from './sign-in-backoff';
import { SignInBackoffEntity } from './sign-in-backoff.entity';
import { StaffStageGrantEntity } from './staff-stage-grant.entity';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { StageOfRequest } from './stage-of-request';
import { throttlerOptions } from './throttler-options';
import { TokenService } from './token.service';

@Module({
  imports: [
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: throttlerOptions }),
    TypeOrmModule.forFeature([OrganiserAccountEntity, StaffStageGrantEntity, SignInBackoffEntity]),
    JudgesDataModule,
    StagesDataModule,
    CategoriesDataModule,
    FieldsDataModule,
  ],
  controllers: [AuthController, StaffController],
  providers: [
    AuthService,
    TokenService,
    SignInBackoff,
    StageOfRequest,
    StaffService,
    AccountSockets,
    StaffAccountStates,
  ],
  // JudgesDataModule too: the global AuthGuard, registered in AppModule, asks JudgesQuery.
  exports: [
    AuthService,
    TokenService,
    StaffAccountStates,
    StageOfRequest,
    AccountSockets,
    JudgesDataModule,
  ],
})
export class AuthModule {}
