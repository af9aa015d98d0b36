#!/usr/bin/env node
// Starts both fake APIs for manual runs and for an e2e harness in another process:
//   node tests/fakes/start.mjs [--tls] [--aliexpress-port=N] [--admitad-port=N] [--aliexpress=<mode>] [--admitad=<mode>]
// Prints their URLs and the test credentials, then runs until Ctrl+C. Switch behaviour while it
// runs with: curl -X POST <origin>/__fake__/behaviour -d '{"mode":"not-registered"}'
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, FAKE_ALIEXPRESS_CREDENTIALS, startFakeAdmitadApi, startFakeAliExpressApi } from './index.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const tls = args.includes('--tls');

const aliexpress = await startFakeAliExpressApi({ tls, port: Number(option('aliexpress-port') ?? 0), behaviour: option('aliexpress') ?? 'ok' });
const admitad = await startFakeAdmitadApi({ tls, port: Number(option('admitad-port') ?? 0), behaviour: option('admitad') ?? 'ok' });

const say = (line = '') => process.stdout.write(`${line}\n`);
say(`AliExpress Open Platform fake: ${aliexpress.url}  (app key ${FAKE_ALIEXPRESS_CREDENTIALS.appKey}, app secret ${FAKE_ALIEXPRESS_CREDENTIALS.appSecret})`);
say(`Admitad API fake:              ${admitad.url}  (client id ${FAKE_ADMITAD_CREDENTIALS.clientId}, client secret ${FAKE_ADMITAD_CREDENTIALS.clientSecret}, w_id ${FAKE_ADMITAD_WEBSITE_ID}, c_id ${FAKE_ADMITAD_CAMPAIGN_ID})`);
say('Behaviour: POST <origin>/__fake__/behaviour {"mode": "...", "delayMs": 0}; requests: GET <origin>/__fake__/requests. Ctrl+C stops.');

const stop = async () => {
  await Promise.all([aliexpress.close(), admitad.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
