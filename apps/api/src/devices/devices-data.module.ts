import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeviceEntity } from './device.entity';
import { DevicesQuery } from './devices.query';

/**
 * The devices: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DeviceEntity])],
  providers: [DevicesQuery],
  exports: [TypeOrmModule, DevicesQuery],
})
export class DevicesDataModule {}
