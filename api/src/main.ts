import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createApp } from './app.ts';
import { AppRegistrationService } from './app-registration/app-registration-service.ts';
import { createHttpServer } from './http-server.ts';
import { pageHeaders, redirectBridgeHeaders } from './security-headers.ts';
import { graphGroupReader } from './auth/graph-group-reader.ts';
import { GroupMembership } from './auth/group-membership.ts';
import { SourceAccessPolicy } from './auth/source-access.ts';
import { TokenVerifier } from './auth/token-verifier.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataSourceService } from './data-sources/data-source-service.ts';
import { Directory } from './directory/directory.ts';
import { GraphConnection } from './graph/graph-connection.ts';
import { TenantGates } from './graph/tenant-gate.ts';
import { Metrics } from './metrics.ts';
import { createLogger } from './logger.ts';
import { resealSecrets } from './secrets/reseal.ts';
import { SecretBox } from './secrets/secret-box.ts';
import { SearchIndex } from './search/search-index.ts';
import { SegmentFiles } from './search/segment-files.ts';
import { Store } from './store/store.ts';
import { SyncEngine } from './sync/sync-engine.ts';
import { SyncScheduler } from './sync/sync-scheduler.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const secrets = 'value' in config.secretKey ? SecretBox.fromBase64(...config.secretKey.value.split(',')) : SecretBox.fromFile(config.secretKey.file);
  const store = await Store.open(config.databaseFile);
  await resealSecrets(store, secrets, logger);
  // Search segments live beside the database they are built from; a restart reads them back.
  const searchIndex = new SearchIndex({
    files: await SegmentFiles.open(join(dirname(config.databaseFile), 'search')),
    onBackgroundError: (err: unknown) => logger.warn({ err }, 'search index: a merge or segment write failed; the index stays as it was'),
  });
  const directory = new Directory(store, config.defaultDiallingProfile, searchIndex);
  await directory.loadAll();

  const metrics = new Metrics();
  const gates = new TenantGates(config.syncConcurrency);
  const engine = new SyncEngine({
    store,
    directory,
    logger,
    metrics,
    gateFor: (tenantId) => gates.for(tenantId),
    readerFor: (source, signal, observer) =>
      new GraphConnection({
        authorityHost: config.auth.authorityHost,
        graphBaseUrl: config.graph.baseUrl,
        scope: config.graph.scope,
        tenantId: source.tenantId,
        clientId: source.clientId,
        clientSecret: source.secretSealed ? secrets.open(source.secretSealed) : '',
        gate: gates.for(source.tenantId),
        signal,
        observer,
      }),
  });
  const scheduler = new SyncScheduler(engine, store, logger);
  const access = new SourceAccessPolicy(config.auth.tenantId, new GroupMembership(graphGroupReader(config, store, secrets), logger));
  const dataSources = new DataSourceService(store, secrets, engine, scheduler, directory, access);
  await dataSources.loadAccessRules();
  const { app, directRoutes } = createApp({ config, logger, metrics, version, verifier: new TokenVerifier(config.auth), access, directory, dataSources, store, appRegistrations: new AppRegistrationService(config, store, secrets, logger) });

  const pages = { pages: pageHeaders(config.auth.authorityHost), redirectBridge: redirectBridgeHeaders(config.auth.authorityHost) };
  const server = createHttpServer(app, pages, directRoutes).listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host}:${config.port}`, demo: config.demo !== null }, 'Switchboard API listening');
  });
  await scheduler.start(config.syncOnStart);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void scheduler
      .stop()
      .then(() => new Promise((done) => server.close(done)))
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
