import './register-paths';
import { Command, InvalidArgumentError } from 'commander';
import * as fs from 'node:fs';
import { z } from 'zod';
import { brokerChoice, linkSettings, readBridgeConfig } from './bridge-options';
import { DeviceLink } from './device-link';
import { bridgeLines, openSerialLines } from './serial-bridge';
import { simulateField, simulateLoad, type SimulatedDevice } from './simulate';

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const number = (text: string) => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError('expected a number ≥ 0');
  return value;
};

const kind = (text: string): 'maze' | 'sumo' => {
  if (text !== 'maze' && text !== 'sumo') throw new InvalidArgumentError('maze or sumo');
  return text;
};

const devicesFileSchema = z.array(
  z.object({
    id: z.string().min(3),
    secret: z.string().min(8),
    kind: z.enum(['maze', 'sumo']).default('maze'),
  }),
);

function readDevices(file: string): SimulatedDevice[] {
  const parsed = devicesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

const program = new Command('bridge').description(
  'Field controllers to the olympiad server over MQTT (contract v1).',
);

const CONFIG_HELP =
  'the bridge configuration the console showed at registration (JSON: mqttUrl, deviceId, username, password); flags override it';
const CA_HELP =
  "MQTT over TLS, verifying the broker's certificate with this CA (PEM or DER, e.g. the venue's /api/tls/ca.pem); uses the configuration's mqttsUrl unless --url is given";
const TLS_HELP =
  "MQTT over TLS to the configuration's mqttsUrl, trusting the system's CAs (a venue with its own public certificate)";

program
  .command('serial')
  .description('Read a controller on USB serial (line protocol v1) and publish its events')
  .requiredOption('--port <path>', 'serial port, e.g. /dev/ttyUSB0')
  .option('--baud <rate>', 'baud rate', number, 115200)
  .option('--config <file>', CONFIG_HELP)
  .option('--device <id>', 'the device id registered in the console')
  .option('--secret <secret>', 'the device secret shown once in the console')
  .option(
    '--url <url>',
    'the venue broker, e.g. mqtt://192.168.1.10:1883 or mqtts://olympiad.local:8883',
  )
  .option('--ca <file>', CA_HELP)
  .option('--tls', TLS_HELP)
  .option(
    '--queue-file <path>',
    'where events wait while the broker is unreachable',
    'bridge-queue.jsonl',
  )
  .action(
    async (options: {
      port: string;
      baud: number;
      config?: string;
      device?: string;
      secret?: string;
      url?: string;
      ca?: string;
      tls?: boolean;
      queueFile: string;
    }) => {
      const settings = linkSettings(
        options,
        options.config ? readBridgeConfig(options.config) : null,
      );
      const link = new DeviceLink({ ...settings, queueFile: options.queueFile, log });
      if (link.waiting > 0) log(`${link.waiting} events from an earlier session wait to be sent`);
      await bridgeLines(openSerialLines(options.port, options.baud), link, log);
    },
  );

program
  .command('simulate')
  .description('Simulate maze gate pairs and sumo start buttons (demo, tests, load benchmark)')
  .option(
    '--url <url>',
    'the venue broker, e.g. mqtt://127.0.0.1:1883 (default: the one in --config)',
  )
  .option('--ca <file>', CA_HELP)
  .option('--tls', TLS_HELP)
  .option(
    '--devices <file>',
    'JSON list of { id, secret, kind: "maze" | "sumo" } (the demo writes data/demo-devices.json)',
  )
  .option('--config <file>', `one more device: ${CONFIG_HELP}`)
  .option('--kind <kind>', 'what the --config device simulates: maze or sumo', kind, 'maze')
  .option('--maze <n>', 'how many maze devices of the file to use', number)
  .option('--sumo <n>', 'how many sumo devices of the file to use', number)
  .option('--runs <n>', 'runs per device', number, 3)
  .option('--run-ms <ms>', 'fixed run time (device clock); default 30–120 s at random', number)
  .option('--time-scale <x>', 'real seconds per simulated second', number, 1)
  .option('--pause-ms <ms>', 'pause between runs (device clock)', number, 20_000)
  .option('--rate <events/s>', 'load mode: gate events per second in total instead of runs', number)
  .option('--seconds <s>', 'load mode: how long', number, 10)
  .action(
    async (options: {
      url?: string;
      ca?: string;
      tls?: boolean;
      devices?: string;
      config?: string;
      kind: 'maze' | 'sumo';
      maze?: number;
      sumo?: number;
      runs: number;
      runMs?: number;
      timeScale: number;
      pauseMs: number;
      rate?: number;
      seconds: number;
    }) => {
      if (!options.devices && !options.config)
        throw new Error('Give the devices with --devices <file> or --config <file.json>');
      const all = options.devices ? readDevices(options.devices) : [];
      const pick = (kind: 'maze' | 'sumo', count?: number) =>
        all.filter((device) => device.kind === kind).slice(0, count ?? Infinity);
      const devices: (SimulatedDevice & { username?: string })[] = [
        ...pick('maze', options.maze),
        ...pick('sumo', options.sumo),
      ];
      const config = options.config ? readBridgeConfig(options.config) : null;
      if (config)
        devices.push({
          id: config.deviceId,
          secret: config.password,
          username: config.username,
          kind: options.kind,
        });
      const { url, ca } = brokerChoice(options, config);
      if (!url) throw new Error('Missing --url: give it as a flag or with --config <file.json>');
      const links = devices.map(
        (device) =>
          new DeviceLink({
            url,
            ca,
            deviceId: device.id,
            username: device.username,
            secret: device.secret,
            heartbeatMs: 2000,
            log,
          }),
      );
      if (options.rate) {
        const started = Date.now();
        const sent = await simulateLoad(links, options.rate, options.seconds);
        log(
          `sent ${sent} events in ${((Date.now() - started) / 1000).toFixed(1)} s, all acknowledged`,
        );
      } else {
        const durations = await Promise.all(
          devices.map((device, index) =>
            simulateField(links[index], device, {
              runs: options.runs,
              runMs: options.runMs,
              timeScale: options.timeScale,
              pauseMs: options.pauseMs,
            }),
          ),
        );
        devices.forEach((device, index) =>
          log(
            `${device.id}: ${durations[index].map((ms) => (ms / 1000).toFixed(3)).join(' s, ')} s`,
          ),
        );
      }
      await Promise.all(links.map((link) => link.close()));
    },
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
