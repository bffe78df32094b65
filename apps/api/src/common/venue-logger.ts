import { ConsoleLogger } from '@nestjs/common';

/**
 * Nest's own start-up report: a line per module, controller, route and socket message (about 200).
 * A person starting the venue needs the addresses, the first-run link and the warnings, so these
 * are printed only from LOG_LEVEL=debug on.
 */
export const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

/** The venue server's logger: Nest's console logger without the start-up report below debug. */
export class VenueLogger extends ConsoleLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (
      typeof context === 'string' &&
      START_UP_CONTEXTS.has(context) &&
      !this.isLevelEnabled('debug')
    )
      return;
    super.log(message, ...optionalParams);
  }
}
