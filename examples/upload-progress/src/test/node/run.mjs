// node --experimental-websocket run.mjs <baseUrl> <stream> <transport> [lastEventId]: prints the handler calls as JSON.
import { EventSource } from 'eventsource';
import { record } from './record.mjs';

globalThis.EventSource = EventSource;
const [baseUrl, stream, transport, lastEventId] = process.argv.slice(2);
const source = await (await fetch(baseUrl + '/_client.js')).text();
const { subscribe } = await import('data:text/javascript,' + encodeURIComponent(source));
const calls = await record(subscribe, stream, { baseUrl, transport, lastEventId, retryDelay: 100 });
console.log(JSON.stringify(calls));
