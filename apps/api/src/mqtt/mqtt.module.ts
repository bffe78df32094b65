import { Module } from '@nestjs/common';
import { MqttBrokerService } from './mqtt-broker.service';

@Module({ providers: [MqttBrokerService], exports: [MqttBrokerService] })
export class MqttModule {}
