import { Controller, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { routes, routeTable, type VenueTlsInfo } from '@olympiad/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { certificateDer } from './venue-certificates';
import { VenueTlsService } from './venue-tls.service';

/** How to reach the venue over HTTPS and the venue CA a tablet installs to trust it (never its key). */
@ApiTags('tls')
@Public()
@Controller()
export class TlsController {
  constructor(@Inject(VenueTlsService) private readonly tls: VenueTlsService) {}

  @Route(routes.tls.info)
  info(): VenueTlsInfo {
    return this.tls.info();
  }

  /** DER, the form Android, iPadOS, Windows and ChromeOS all import from a download. */
  @Route(routes.tls.caCrt)
  caDer(@Res() response: Response): void {
    const der = certificateDer(this.venueCa());
    response
      .type(routeTable.tls.caCrt.contentType)
      .setHeader('Content-Disposition', 'attachment; filename="olympiad-venue-ca.crt"')
      .send(der);
  }

  @Route(routes.tls.caPem)
  caPem(@Res() response: Response): void {
    const pem = this.venueCa();
    response
      .type(routeTable.tls.caPem.contentType)
      .setHeader('Content-Disposition', 'attachment; filename="olympiad-venue-ca.pem"')
      .send(pem);
  }

  private venueCa(): string {
    const pem = this.tls.caCertificatePem();
    if (!pem)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'tls.noVenueCa',
        'This venue has no CA of its own to download (HTTPS is off or uses a certificate the venue brought)',
      );
    return pem;
  }
}
