import type {
  ClientToServerEvents,
  DisplayConfig,
  DisplayHelloResult,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { AppSettingEntity } from '../settings/app-setting.entity';
import { SettingsService } from '../settings/settings.service';
import { StagesQuery } from '../stages/stages.query';
import { openTempSqlite, type TempDatabase } from '../testing/temp-database';
import { DisplaysGateway } from './displays.gateway';
import { DisplaysService } from './displays.service';

/** The real settings store, letting the test act right after each read of a display's record. */
class SettingsWithSeam extends SettingsService {
  afterDisplayRead: (() => Promise<void>) | null = null;
  private acting = false;

  override async get(key: string): Promise<string | undefined> {
    const value = await super.get(key);
    const act = this.afterDisplayRead;
    if (act && !this.acting && key.startsWith('display:')) {
      // The organiser's own reads while acting are not hello's.
      this.acting = true;
      try {
        await act();
      } finally {
        this.acting = false;
      }
    }
    return value;
  }
}

const config = (everySeconds: number): DisplayConfig => ({
  stageCode: null,
  mode: 'awards',
  lang: 'en',
  everySeconds,
});
const MARKER = config(99);

// A real SQLite file, the real services and gateway on a real Socket.IO server; a screen is a
// real Socket.IO client. The organiser's change is what the displays controller does: store, push.
describe('display:hello', () => {
  let db: TempDatabase;
  let settings: SettingsWithSeam;
  let displays: DisplaysService;
  let server: Server<ClientToServerEvents, ServerToClientEvents>;
  let screen: ClientSocket<ServerToClientEvents, ClientToServerEvents>;
  const pushed: DisplayConfig[] = [];

  beforeEach(async () => {
    pushed.length = 0;
    db = await openTempSqlite();
    settings = new SettingsWithSeam(db.dataSource.getRepository(AppSettingEntity));
    displays = new DisplaysService(settings, new StagesQuery(db.dataSource));
    const gateway = new DisplaysGateway(displays);
    const http = createServer();
    server = new Server(http);
    server.on('connection', (socket) => {
      socket.on('display:hello', (body, ack) => void gateway.hello(socket, body).then(ack));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    screen = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ['websocket'],
    });
    screen.on('display:config', (pushedConfig) => pushed.push(pushedConfig));
  });

  afterEach(async () => {
    screen.disconnect();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  const organiserSets = async (id: string, change: DisplayConfig) => {
    const stored = await displays.update(id, { name: `every ${change.everySeconds}`, ...change });
    server.to(`display:${id}`).emit('display:config', stored);
  };
  const hello = (displayId: string, secret: string) =>
    new Promise<DisplayHelloResult>((resolve) =>
      screen.emit('display:hello', { displayId, secret }, resolve),
    );
  /** Pushes a marker and waits for it: Socket.IO keeps one socket's packets in order. */
  const pushesSoFar = async (id: string) => {
    const marker = new Promise<void>((resolve) =>
      screen.on('display:config', (c) => c.everySeconds === MARKER.everySeconds && resolve()),
    );
    server.to(`display:${id}`).emit('display:config', MARKER);
    await marker;
    return pushed.filter((c) => c.everySeconds !== MARKER.everySeconds);
  };
  const stored = async (id: string) =>
    (await displays.list(async () => false)).find((display) => display.id === id);

  it('keeps an organiser change made while hello records the last-seen time', async () => {
    const { displayId, secret, code } = await displays.pair();
    await displays.claim(code, 'Hall A', config(15));
    settings.afterDisplayRead = async () => {
      settings.afterDisplayRead = null;
      await displays.update(displayId, { name: 'Hall B', ...config(30) });
    };

    expect(await displays.hello(displayId, secret)).toMatchObject({ ok: true });

    expect(await stored(displayId)).toMatchObject({ name: 'Hall B', config: config(30) });
    expect((await stored(displayId))?.lastSeenAt).not.toBeNull();
  });

  it('gets every change the organiser pushes while hello is answered, in the answer or pushed', async () => {
    const { displayId, secret, code } = await displays.pair();
    await displays.claim(code, 'Hall A', config(15));
    let next = 20;
    const sent: number[] = [];
    settings.afterDisplayRead = async () => {
      sent.push(next);
      await organiserSets(displayId, config(next++));
    };

    const answer = await hello(displayId, secret);
    settings.afterDisplayRead = null;

    const latest = config(sent[sent.length - 1]);
    const seen = [answer.ok ? answer.config : null, ...(await pushesSoFar(displayId))];
    expect(sent.length).toBeGreaterThan(0);
    expect(seen).toContainEqual(latest);
    expect((await stored(displayId))?.config).toEqual(latest);
  });

  it('never lets a socket with a wrong secret receive a push, not even while it is checked', async () => {
    const { displayId, code } = await displays.pair();
    await displays.claim(code, 'Hall A', config(15));
    let next = 20;
    settings.afterDisplayRead = () => organiserSets(displayId, config(next++));

    const answer = await hello(displayId, 'not-the-secret');
    settings.afterDisplayRead = null;

    expect(answer).toMatchObject({ ok: false, key: 'displays.unknown' });
    expect(next).toBeGreaterThan(20);
    // Pushes sent during the hello would arrive before its answer.
    expect(pushed).toEqual([]);
    expect(await server.in(`display:${displayId}`).fetchSockets()).toEqual([]);
  });
});
