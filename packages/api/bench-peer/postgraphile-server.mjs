// Bench only: PostGraphile 5 (amber preset) over the bench database, the peer `npm run bench` compares the API with.
// run-bench copies this file into .cache/bench-peer/ (where its packages are installed) and starts it with the Node
// binary from the npm registry. DATABASE_URL, PORT and PEER_SCHEMA (the schema of the peer's helper functions) come
// from the environment. GET /statements answers how many SQL statements the server has sent so far (the bench reads
// it around single requests); GET /readyz answers once the schema is built.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const { DATABASE_URL, PORT, PEER_SCHEMA } = process.env;
if (!DATABASE_URL || !PORT || !PEER_SCHEMA) throw new Error('DATABASE_URL, PORT and PEER_SCHEMA must be set');

let statements = 0;
// The same pool size as the API's (20).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 20 });
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (...args) => {
    statements += 1;
    return query(...args);
  };
});

const preset = {
  extends: [PostGraphileAmberPreset],
  // Amber ignores partial indexes: without this, a foreign key whose only index is partial gets no relation field.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public', PEER_SCHEMA] })],
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === '/statements') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements }));
    return;
  }
  if (req.url === '/readyz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}');
    return;
  }
  handler(req, res);
});
// Built before listening, so /readyz means the schema is there.
await pgl.getSchema();
server.listen(Number(PORT), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    void pgl.release().finally(() => process.exit(0));
  });
}
