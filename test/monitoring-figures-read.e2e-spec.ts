import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READ_CONNECTION } from '../libs/core/src/index.js';
import { refreshMonitoringFigures } from '../libs/monitoring/src/index.js';
import { activeAgreement } from './support/agreements-sql.js';
import { createTestDb, startTestApp, type TestApp, type TestDb } from './support/app.js';
import { bearer, factory } from './support/factory.js';

/*
 * Monitoring reads go through the read-only connection (DATABASE_READ_URL). Here it points at a
 * second database (standing in for a replica that holds other data), so what the figures show
 * proves where they were read.
 */
describe('monitoring figures: the read connection', () => {
  let t: TestApp;
  let replica: TestDb;
  let replicaDs: DataSource;

  beforeAll(async () => {
    replica = await createTestDb();
    t = await startTestApp({ DATABASE_READ_URL: replica.url });
    replicaDs = new DataSource({ type: 'postgres', url: replica.url });
    await replicaDs.initialize();
  }, 60_000);
  afterAll(async () => {
    await replicaDs?.destroy();
    await t?.close();
    await replica?.drop();
    delete process.env.DATABASE_READ_URL;
  });

  it('reads the snapshot of the read database, not the one the API writes to', async () => {
    const f = factory(t);
    const [partner, firm, officer] = await Promise.all([f.partner(), f.enterprise(), f.ministry()]);
    await activeAgreement(t, partner, firm, { startDate: '2024-01-01', endDate: '2024-12-31' });

    // The read database has never been refreshed: the API refreshes its own (write) database, but the
    // read side still has no snapshot, so it answers 503 with Retry-After rather than made-up figures.
    const first = await t.http().get('/api/v1/monitoring/summary').set(bearer(officer));
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('5');
    const [written] = await t.ds.query(`SELECT as_of, agreements FROM monitoring_snapshot`);
    expect(written.as_of).not.toBeNull();
    expect(written.agreements).toBe(1);

    // Once the read database has a snapshot of its own (empty), that is what the figures show.
    await refreshMonitoringFigures(replicaDs);
    const res = await t.http().get('/api/v1/monitoring/summary').set(bearer(officer));
    expect(res.status).toBe(200);
    expect(res.body.agreements.total).toBe(0);
    const [{ as_of: replicaAsOf }] = await replicaDs.query(`SELECT as_of FROM monitoring_snapshot`);
    expect(Date.parse(res.body.asOf)).toBe(new Date(replicaAsOf).getTime());
  });

  it('the read connection is read-only', async () => {
    const read = t.app.get<DataSource>(getDataSourceToken(READ_CONNECTION), { strict: false });
    await expect(read.query(`UPDATE monitoring_snapshot SET refreshed_in_ms = 0`)).rejects.toThrow(/read-only/);
  });
});
