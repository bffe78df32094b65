import type { Command } from 'ioredis';
import { Histogram } from 'prom-client';

export const redisCommandSeconds = new Histogram({
  name: 'olympiad_redis_command_seconds',
  help: 'Redis commands of this replica, from sending to the answer (or the error), by client and command',
  labelNames: ['client', 'command'] as const,
  buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
});

/** A Redis connection or cluster: every command passes through here. */
interface SendsCommands {
  sendCommand(command: Command, ...rest: never[]): unknown;
}

/**
 * Times every command `client` sends (`client` names who uses it: fan-out, rate limit, health).
 * Every ioredis command passes through `sendCommand`, the adapter's PUBLISH and the throttler's
 * scripts too. A command sent again after a reconnect is timed once, from its first sending.
 */
export function timeRedisCommands<R extends SendsCommands>(redis: R, client: string): R {
  const target: SendsCommands = redis;
  const send = redis.sendCommand.bind(redis);
  const timed = new WeakSet<object>();
  target.sendCommand = (command, ...rest) => {
    if (!timed.has(command)) {
      timed.add(command);
      const end = redisCommandSeconds.startTimer({ client, command: command.name });
      const done = () => void end();
      command.promise.then(done, done);
    }
    return send(command, ...rest);
  };
  return redis;
}
