// Checks that PostgreSQL and Redis answer; used by `npm start` and `npm test`.
import net from 'node:net';

function parse(url, defPort) {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || defPort) };
}

function reachable({ host, port }, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Returns a one-line message per missing dependency (empty when all answer). */
export async function missingServices(env = process.env) {
  const pg = parse(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jalin', 5432);
  const redis = parse(env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  const out = [];
  if (!(await reachable(pg))) {
    out.push(
      `PostgreSQL is not reachable at ${pg.host}:${pg.port} — start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (or: docker compose -f docker/compose.yml up -d postgres)`,
    );
  }
  if (!(await reachable(redis))) {
    out.push(
      `Redis is not reachable at ${redis.host}:${redis.port} — start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no (or: docker compose -f docker/compose.yml up -d redis)`,
    );
  }
  return out;
}
