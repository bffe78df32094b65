// @ts-check
/**
 * An HAProxy configuration for replicas behind one address (docs/deploy.md#haproxy-in-front):
 * each replica is checked on /api/health/ready (a stopping replica answers 503 there while it
 * drains), /socket.io connections upgrade to WebSocket (HAProxy's HTTP mode passes the upgrade
 * through) and stay open as tunnels, and `option forwardfor` passes the client's address on for
 * TRUST_PROXY. Used by `npm run cluster` and tests/support/haproxy.ts.
 * @param {import('./haproxy-config').HaproxyOptions} options
 * @returns {string}
 */
function haproxyConfig(options) {
  const servers = options.replicas.map(
    (port, i) => `  server replica${i + 1} 127.0.0.1:${port} check inter 200ms fall 2 rise 2`,
  );
  return [
    'global',
    `  stats socket ${options.statsSocket} mode 600 level admin`,
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    // An open live connection is a tunnel after the upgrade: its own, longer idle limit.
    '  timeout tunnel 1h',
    '  option redispatch',
    '  retries 2',
    '',
    'frontend olympiad',
    `  bind 127.0.0.1:${options.port}`,
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
