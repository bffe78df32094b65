import { Body, Controller, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Public, Roles } from '../auth/auth.decorators';
import { invalid } from '../common/api-error';
import { downloadFile } from '../documents/download-file';
import { Route } from '../common/routes/route.decorator';
import { FederationService } from './federation.service';
import { OutboxSenderService } from './outbox-sender.service';
import { RepublicLinkService } from './republic-link.service';
import { StageDataReceiverService } from './stage-data-receiver.service';
import { VenueLinksService } from './venue-links.service';

class LinkVenueDto extends createZodDto(routeTable.federation.link.body) {}
class VenueClaimDto extends createZodDto(routeTable.federation.claim.body) {}

/** The address this server was reached by, for codes another server will call back on. */
const origin = (request: Request) => `${request.protocol}://${request.get('host')}`;

const binaryBody = (request: Request): Buffer => {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0)
    throw invalid(
      'Send the bundle as application/octet-stream',
      undefined,
      'federation.notABundle',
    );
  return request.body;
};

/** The venue's side: its key, its stage as a bundle file, its link to the republic server. */
@ApiTags('federation')
@ApiBearerAuth()
@Controller()
export class VenueFederationController {
  constructor(
    private readonly federation: FederationService,
    private readonly republic: RepublicLinkService,
    private readonly sender: OutboxSenderService,
  ) {}

  @Roles('organiser')
  @Route(routes.federation.venueKey)
  venueKey() {
    return { algorithm: 'Ed25519' as const, publicKey: this.federation.venueKey().publicKeyText };
  }

  @Roles('organiser')
  @Route(routes.federation.stageBundle)
  async stageBundle(@Param('id', ParseUUIDPipe) id: string) {
    const { bytes, fileName } = await this.federation.stageBundle(id);
    return downloadFile(bytes, fileName, 'application/octet-stream');
  }

  @Roles('organiser')
  @Route(routes.federation.link)
  link(@Body() body: LinkVenueDto) {
    return this.republic.link(body.code);
  }

  @Roles('organiser')
  @Route(routes.federation.linkStatus)
  linkStatus() {
    return this.republic.status();
  }

  @Roles('organiser')
  @Route(routes.federation.sendNow)
  sendNow(@Param('stageId', ParseUUIDPipe) stageId: string) {
    this.sender.sendSoon(stageId);
    return { stageId };
  }

  @Roles('organiser')
  @Route(routes.federation.unlinkHere)
  async unlinkHere(@Param('stageId', ParseUUIDPipe) stageId: string) {
    await this.republic.unlink(stageId);
  }
}

/** The republic server's side: link codes, venues' claims and data, conflicts. */
@ApiTags('federation')
@ApiBearerAuth()
@Controller()
export class RepublicFederationController {
  constructor(
    private readonly venues: VenueLinksService,
    private readonly receiver: StageDataReceiverService,
  ) {}

  @Roles('organiser')
  @Route(routes.federation.linkCode)
  linkCode(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    return this.venues.issueCode(id, origin(request));
  }

  @Roles('organiser')
  @Route(routes.federation.linkFile)
  async linkFile(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    const file = await this.venues.linkFile(id, origin(request));
    return downloadFile(
      Buffer.from(JSON.stringify(file, null, 2), 'utf8'),
      `${file.stage.stage.code}.olympiad-link.json`,
      'application/json',
    );
  }

  @Roles('organiser')
  @Route(routes.federation.unlinkVenue)
  async unlink(@Param('id', ParseUUIDPipe) id: string) {
    await this.venues.unlink(id);
  }

  /** A venue proves it holds the stage's code; authenticated by the code and the key's signature. */
  @Public()
  @Route(routes.federation.claim)
  claim(@Body() body: VenueClaimDto) {
    return this.venues.claim(body);
  }

  /** A venue's batch; authenticated by its Ed25519 signature against the stage's recorded key. */
  @Public()
  @Route(routes.federation.batch)
  batch(@Param('stageId', ParseUUIDPipe) stageId: string, @Req() request: Request) {
    return this.receiver.receiveBatch(stageId, binaryBody(request));
  }

  @Roles('organiser')
  @Route(routes.federation.importBundle)
  importBundle(@Req() request: Request) {
    return this.receiver.importBundle(binaryBody(request));
  }

  @Roles('organiser')
  @Route(routes.federation.venues)
  venueList() {
    return this.venues.venues();
  }

  @Roles('organiser')
  @Route(routes.federation.conflicts)
  conflicts(@Query('stageId') stageId?: string) {
    return this.venues.conflicts(stageId);
  }
}
