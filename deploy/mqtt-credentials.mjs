// Writes Mosquitto's password and ACL files from the server (docs/deploy.md#docker-compose): the
// server's own account and one per registered device, each allowed its own topics only. Run by
// `docker compose up` once the first replica answers, and again after devices are registered
// (then `docker compose kill -s HUP mosquitto` makes the broker read them again).
import { chownSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const api = env('API_URL', 'http://api-1:3000');
const dir = env('CREDENTIALS_DIR', '/mosquitto/credentials');
// The eclipse-mosquitto image's own user reads them.
const owner = Number(env('CREDENTIALS_OWNER', '1883'));

async function post(path, body, token) {
  const answer = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

async function serverAnswers() {
  for (;;) {
    const live = await fetch(`${api}/api/health/live`).catch(() => undefined);
    if (live?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

await serverAnswers();
const { token } = await post('/api/auth/organiser', {
  username: env('ADMIN_USERNAME', 'organiser'),
  password: env('ADMIN_PASSWORD'),
});
const files = await post(
  '/api/devices/mosquitto-files',
  { serverUsername: env('MQTT_USERNAME'), serverPassword: env('MQTT_PASSWORD'), port: 1883 },
  token,
);
mkdirSync(dir, { recursive: true });
// Each file replaced whole (written aside, then renamed): the broker never reads half of one.
for (const name of ['acl', 'passwd']) {
  const aside = join(dir, `.${name}.new`);
  writeFileSync(aside, files[name], { mode: 0o600 });
  if (process.getuid?.() === 0) chownSync(aside, owner, owner);
  renameSync(aside, join(dir, name));
}
console.log(`Mosquitto credentials written to ${dir}`);
