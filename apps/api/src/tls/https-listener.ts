import { API_PREFIX } from '@olympiad/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Server as HttpServer } from 'node:http';
import * as https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Server as IoServer, ServerOptions } from 'socket.io';
import { liveParser } from '../live/encoded-answer';
import { bindPlainMessageHandlers } from '../live/plain-message-handlers';
import { LIVE_LIMITS } from '../live/socket-limits';
import { isLoopbackHost } from './venue-tls.service';

/** Paths that stay on plain HTTP for devices and scripts: the API, Socket.IO and MQTT over WebSocket. */
const NOT_APP_PAGES = [API_PREFIX, '/socket.io', '/mqtt'];

/**
 * On the HTTP port, a browser asking for an app page on the venue's name or LAN address goes to the
 * same page over HTTPS (308, so nothing about the request changes). Loopback is already a secure
 * context, and the API, Socket.IO and MQTT keep answering on HTTP (docs/venue-network.md).
 */
export function redirectPagesToHttps(httpsPort: () => number | null) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const port = httpsPort();
    if (port === null || request.method !== 'GET' || (request.socket as TLSSocket).encrypted)
      return next();
    if (
      NOT_APP_PAGES.some(
        (prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
      )
    )
      return next();
    if (!(request.headers.accept ?? '').includes('text/html')) return next();
    let hostname: string;
    try {
      hostname = new URL(`http://${request.headers.host ?? ''}`).hostname;
    } catch {
      return next();
    }
    if (!hostname || isLoopbackHost(hostname)) return next();
    response.redirect(308, `https://${hostname}:${port}${request.originalUrl}`);
  };
}

/** The same Express app (every route, the apps, compression) behind a TLS listener. */
export function createHttpsServer(app: Express, options: https.ServerOptions): https.Server {
  return https.createServer(options, app);
}

/** What spreads the server's broadcasts to other replicas (live/redis-fan-out.ts). */
export interface FanOut {
  attach(server: IoServer): void;
  close(): Promise<void>;
}

/**
 * Nest's Socket.IO adapter, with the one Socket.IO server also answering on more listeners (the
 * HTTPS port): one engine, so rooms and broadcasts span both ports. With a fan-out, they span
 * the replicas too.
 */
export class MultiListenerIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly moreServers: (HttpServer | https.Server)[],
    private readonly fanOut?: FanOut,
    /** The server's one CORS rule, in place of what each gateway's decorator says (docs/security.md#cors). */
    private readonly cors?: ServerOptions['cors'],
  ) {
    super(app);
  }

  override createIOServer(port: number, given?: ServerOptions): IoServer {
    // docs/design.md#limits-per-live-connection: no client message is near this (default 1 MB).
    const options = {
      ...given,
      maxHttpBufferSize: LIVE_LIMITS.maxMessageBytes,
      // docs/performance.md#memory-per-viewer: join answers encoded once for many joiners.
      parser: liveParser,
      ...(this.cors ? { cors: this.cors } : {}),
    } as ServerOptions;
    const server = super.createIOServer(port, options) as IoServer;
    if (port === 0) {
      for (const extra of this.moreServers)
        server.engine.attach(extra as HttpServer, { ...options, path: server.path() });
    }
    this.fanOut?.attach(server);
    return server;
  }

  /** One plain listener per handler and socket instead of Nest's RxJS pipelines (live/plain-message-handlers.ts). */
  override bindMessageHandlers(
    ...[socket, handlers, transform]: Parameters<IoAdapter['bindMessageHandlers']>
  ): void {
    bindPlainMessageHandlers(socket, handlers, transform);
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.fanOut?.close();
  }
}

export function listen(server: https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
