import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { verifySecret } from '../auth/secret-hash';
import { DeviceEntity } from './device.entity';

/**
 * Checks a device's MQTT credentials. A successful check is remembered (as a digest, never the
 * secret) so a flapping device on weak Wi-Fi does not cost a scrypt run at every reconnect.
 */
@Injectable()
export class DeviceCredentialsService {
  private readonly verified = new Map<string, string>();

  constructor(@InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>) {}

  async verify(deviceId: string, secret: string): Promise<boolean> {
    const digest = createHash('sha256').update(`${deviceId}\n${secret}`).digest('hex');
    if (this.verified.get(deviceId) === digest) return true;
    const device = await this.devices.findOneBy({ id: deviceId });
    if (!device || !(await verifySecret(secret, device.secretHash))) return false;
    this.verified.set(deviceId, digest);
    return true;
  }
}
