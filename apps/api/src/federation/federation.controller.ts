import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { downloadFile } from '../documents/download-file';
import { FederationService } from './federation.service';

/** The venue's side of federation so far: its public key and a stage as a signed bundle file. */
@ApiTags('federation')
@ApiBearerAuth()
@Controller()
export class FederationController {
  constructor(private readonly federation: FederationService) {}

  @Roles('organiser')
  @Get('federation/venue-key')
  venueKey() {
    return { algorithm: 'Ed25519', publicKey: this.federation.venueKey().publicKeyText };
  }

  @Roles('organiser')
  @Get('stages/:id/bundle')
  async stageBundle(@Param('id', ParseUUIDPipe) id: string) {
    const { bytes, fileName } = await this.federation.stageBundle(id);
    return downloadFile(bytes, fileName, 'application/octet-stream');
  }
}
