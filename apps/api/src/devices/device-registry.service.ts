import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  CreateDevice,
  MosquittoFiles,
  MosquittoFilesRequest,
  RegisteredDevice,
} from '@olympiad/contracts';
import { DataSource, In, Repository } from 'typeorm';
import { AuditRecorder, SERVER_ACTOR, type AuditActor } from '../audit/audit-recorder';
import { hashSecret, randomCode } from '../auth/secret-hash';
import { conflict, unknownReference } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FieldsQuery } from '../fields/fields.query';
import { type BrokerTls, bridgeConfigOf, deviceBrokerTls, deviceBrokerUrl } from './bridge-config';
import { DeviceEntity } from './device.entity';
import {
  mosquittoAclFile,
  mosquittoConfig,
  mosquittoHash,
  mosquittoPasswordFile,
} from './mosquitto-files';

@Injectable()
export class DeviceRegistryService {
  /** The embedded broker's TCP port once it listens (MQTT_PORT=0 picks a free one). */
  private brokerPort?: number;
  /** Its MQTT-over-TLS port and the venue CA that vouches for it, when it listens there too. */
  private brokerTls?: BrokerTls;

  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    private readonly fields: FieldsQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditRecorder,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The embedded broker says where it listens; device configurations name those ports. */
  brokerListening(port: number, tls?: BrokerTls): void {
    this.brokerPort = port;
    this.brokerTls = tls;
  }

  /** `venueHost`: the host name the organiser reached the server by; the device is told the broker there. */
  async register(
    input: CreateDevice,
    venueHost = 'localhost',
    actor: AuditActor = SERVER_ACTOR,
  ): Promise<RegisteredDevice> {
    const field = input.fieldId ? await this.fields.fieldById(input.fieldId) : null;
    if (input.fieldId && !field) {
      throw unknownReference('fieldId', 'field', input.fieldId);
    }
    if (await this.devices.existsBy({ id: input.id })) {
      throw conflict('devices.idTaken', `A device ${input.id} is already registered`);
    }
    const secret = randomCode(20);
    const secretHash = await hashSecret(secret);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(DeviceEntity, {
        id: input.id,
        fieldId: input.fieldId ?? null,
        label: input.label,
        secretHash,
        mosquittoHash: mosquittoHash(secret),
        createdAt: new Date().toISOString(),
      });
      await this.audit.record(
        {
          actor,
          stageId: field?.stageId ?? null,
          object: { kind: 'device', id: input.id, name: input.label },
          action: 'device.register',
          after: { fieldId: input.fieldId ?? null, label: input.label },
        },
        manager,
      );
    });
    return {
      id: input.id,
      fieldId: input.fieldId ?? null,
      label: input.label,
      secret,
      bridgeConfig: bridgeConfigOf(
        input.id,
        secret,
        deviceBrokerUrl(this.config.mqtt, this.brokerPort, venueHost),
        this.brokerTls && deviceBrokerTls(this.brokerTls, venueHost),
      ),
    };
  }

  /** The devices on the stage's fields, without their secrets' hashes. */
  async devicesOfStage(stageId: string) {
    const fields = await this.fields.fieldsOfStage(stageId);
    const devices = await this.devices.findBy({ fieldId: In(fields.map((field) => field.id)) });
    return devices.map(({ secretHash: _hidden, mosquittoHash: _alsoHidden, ...device }) => device);
  }

  /**
   * Password, ACL and config files for an external Mosquitto (MQTT_URL) that enforce the same
   * rules as the embedded broker. The server's own account comes from the request, every device's
   * from its stored hash.
   */
  async mosquittoFiles(request: MosquittoFilesRequest): Promise<MosquittoFiles> {
    const devices = await this.devices.find({ order: { id: 'ASC' } });
    const withHash = devices.filter((device) => device.mosquittoHash);
    return {
      passwd: mosquittoPasswordFile([
        { username: request.serverUsername, hash: mosquittoHash(request.serverPassword) },
        ...withHash.map((device) => ({
          username: device.id,
          hash: device.mosquittoHash as string,
        })),
      ]),
      acl: mosquittoAclFile(
        withHash.map((device) => device.id),
        request.serverUsername,
      ),
      conf: mosquittoConfig(request.port),
    };
  }
}
