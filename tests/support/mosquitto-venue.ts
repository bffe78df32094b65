import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { eventually } from './field-fixture';
import { freePort, Mosquitto } from './mosquitto';
import { startVenue, type Venue } from './start-venue';

const SERVER_USER = 'olympiad-api';

/**
 * A venue whose MQTT_URL points at a Mosquitto that is not running yet: register devices first,
 * then `startBroker()` writes the server-generated password and ACL files and starts it.
 */
export async function startVenueOnMosquitto(clientId: string): Promise<{ venue: Venue; broker: Mosquitto; startBroker(organiser: string): Promise<void> }> {
  const broker = new Mosquitto(await freePort());
  const serverPassword = randomBytes(18).toString('base64url');
  const venue = await startVenue({
    env: { MQTT_URL: broker.url, MQTT_USERNAME: SERVER_USER, MQTT_PASSWORD: serverPassword, MQTT_CLIENT_ID: clientId },
  });
  const startBroker = async (organiser: string) => {
    const files = (
      await request(venue.url)
        .post('/api/devices/mosquitto-files')
        .set('Authorization', `Bearer ${organiser}`)
        .send({ serverUsername: SERVER_USER, serverPassword, port: broker.port })
        .expect(200)
    ).body;
    broker.writeFiles(files);
    await broker.start();
    await eventually(
      async () => expect((await request(venue.url).get('/api/health').expect(200)).body.mqtt).toMatchObject({ mode: 'external', ready: true }),
      15000,
    );
  };
  return { venue, broker, startBroker };
}
