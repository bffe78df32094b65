import { Injectable } from '@nestjs/common';

/** The part of the Socket.IO server this needs; with the Redis adapter it reaches every replica. */
interface SocketRooms {
  in(room: string): { disconnectSockets(close?: boolean): void };
}

/** The room every live socket of one staff account joins, so its sockets can be ended together. */
export const accountRoom = (accountId: string) => `account:${accountId}`;

/**
 * Ends a staff account's live sockets when what it may see shrinks (deactivated, grants or role
 * changed, password changed, signed out everywhere): a socket keeps the rooms it joined, so
 * without this it would go on receiving a staff room's unpublished standings
 * (docs/security.md#staff-accounts). The client reconnects with its token, which is checked again.
 */
@Injectable()
export class AccountSockets {
  private server: SocketRooms | undefined;

  attach(server: SocketRooms): void {
    this.server = server;
  }

  end(accountId: string): void {
    this.server?.in(accountRoom(accountId)).disconnectSockets(true);
  }
}
