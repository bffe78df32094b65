// @ts-check
/**
 * An HAProxy configuration for replicas behind one address (docs/deploy.md#haproxy-in-front):
 * each replica is checked on /api/health/ready (a stopping replica answers 503 there while it
 * drains), /socket.io connections upgrade to WebSocket (HAProxy's HTTP mode passes the upgrade
 * through) and stay open as tunnels, and `option forwardfor` passes the client's address on for
 * TRUST_PROXY. Used by `npm run cluster`, tests/support/haproxy.ts and deploy/haproxy/haproxy.cfg
 * (docs/deploy.md#docker-compose).
 * @param {import('./haproxy-config').HaproxyOptions} options
 * @returns {string}
 */
function haproxyConfig(options) {
  // With Docker's resolver a replica's container may come back with another address.
  const resolve = options.resolver ? ' resolvers docker init-addr last,libc,none' : '';
  const servers = options.replicas.map(
    (replica, i) =>
      `  server replica${i + 1} ${typeof replica === 'number' ? `127.0.0.1:${replica}` : replica} check inter 200ms fall 2 rise 2${resolve}`,
  );
  return [
    'global',
    ...(options.statsSocket ? [`  stats socket ${options.statsSocket} mode 600 level admin`] : []),
    '',
    ...(options.resolver
      ? ['resolvers docker', `  nameserver dns ${options.resolver}`, '  hold valid 10s', '']
      : []),
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    // An open live connection is a tunnel after the upgrade: its own, longer idle limit.
    '  timeout tunnel 1h',
    // Unset, a health check must answer within `inter` (200 ms).
    ...(options.checkTimeout ? [`  timeout check ${options.checkTimeout}`] : []),
    '  option redispatch',
    '  retries 2',
    '',
    'frontend olympiad',
    `  bind ${options.listenHost ?? '127.0.0.1'}:${options.port}`,
    '  option forwardfor',
    '  default_backend replicas',
    '',
    'backend replicas',
    `  balance ${options.balance ?? 'roundrobin'}`,
    '  option httpchk GET /api/health/ready',
    '  http-check expect status 200',
    ...servers,
    '',
  ].join('\n');
}

module.exports = { haproxyConfig };
