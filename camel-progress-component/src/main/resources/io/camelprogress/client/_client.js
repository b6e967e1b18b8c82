// camel-progress browser client, served by the component at <basePath>/_client.js.
// One handler shape over Server-Sent Events, WebSocket and long-poll; it resumes from the last id
// after a drop and stops for good at the end of the stream. It uses only globalThis.EventSource,
// WebSocket and fetch, so it runs in Node too (with an EventSource polyfill and baseUrl).

const TERMINAL = ['done', 'error'];
const MAX_DELAY = 30000;
const STATUSES = ['connecting', 'open', 'reconnecting', 'closed'];

/**
 * Subscribes to one stream ('uploads/job42'), a channel ('uploads/*') or several streams (an array).
 * See _client.d.ts for the handlers and options.
 */
export function subscribe(streams, handlers = {}, options = {}) {
  const names = [].concat(streams);
  if (!names.length) throw new Error('subscribe: name at least one stream, as in "uploads/job42"');
  const base = baseOf(options.baseUrl);
  const terminal = options.terminal || TERMINAL;
  const transport = options.transport || 'auto';
  if (!['auto', 'sse', 'ws', 'poll'].includes(transport)) {
    throw new Error(`subscribe: transport must be auto, sse, ws or poll, not "${transport}"`);
  }
  const retryDelay = options.retryDelay ?? 1000;
  const silence = options.silence ?? 20000;
  const pollTimeout = options.pollTimeout ?? 25;
  // a subscription to named streams ends once each has ended; one to a channel only on 204
  const open = new Set(names);
  const finite = names.every((n) => !n.endsWith('*'));
  const storageKey = options.resume === 'session' ? 'camel-progress:' + names.join('&') : null;

  let cursor = options.lastEventId || load(storageKey) || '';
  let state = null;
  let ended = false;
  let attempt = 0;
  let timer = null;
  let es = null;
  let ws = null;
  let abort = null;

  function setStatus(next) {
    if (state !== next && STATUSES.includes(next)) {
      state = next;
      call(handlers.onStatus, next);
    }
  }

  const credentials = options.withCredentials ? 'include' : 'same-origin';

  // The URL of the subscription with query parameters, the ticket among them (EventSource cannot send headers).
  function url(params = {}, scheme) {
    const u = new URL(names.length === 1 ? base + '/' + names[0] : base);
    if (names.length > 1) names.forEach((n) => u.searchParams.append('stream', n));
    const ticket = typeof options.ticket === 'function' ? options.ticket() : options.ticket;
    if (ticket) u.searchParams.set('ticket', ticket);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    if (scheme) u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.href;
  }

  function deliver(ev) {
    if (ended) return;
    // WebSocket and long-poll resets name no stream: the same event shape over every transport
    if (!ev.stream && names.length === 1 && finite) ev.stream = names[0];
    if (ev.id) setCursor(ev.id);
    attempt = 0;
    call(handlers.onEvent, ev);
    call(handlers['on' + ev.event.charAt(0).toUpperCase() + ev.event.slice(1)], ev.data, ev);
    if (terminal.includes(ev.event) && open.delete(ev.stream) && finite && !open.size) finish(true);
  }

  function setCursor(id) {
    cursor = id;
    if (storageKey) save(storageKey, id);
  }

  // The end: no further requests. A completed subscription forgets its resume point, so that a reload replays it.
  function finish(completed) {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    if (es) es.close();
    if (ws) ws.close(1000);
    if (abort) abort.abort();
    if (completed && storageKey) save(storageKey, null);
    setStatus('closed');
  }

  function fail(message, status) {
    call(handlers.onError, { message, status });
    finish(false);
  }

  // Full jitter: a random wait up to retryDelay * 2^attempt, at most 30 s; traffic resets the attempt.
  function retry(connect) {
    if (ended) return;
    setStatus('reconnecting');
    const delay = Math.random() * Math.min(MAX_DELAY, retryDelay * 2 ** attempt++);
    timer = setTimeout(connect, delay);
  }

  // One long-poll answer: {events, lastEventId}; 'ended' on 204; throws on a refusal.
  async function pollOnce(timeout) {
    abort = new AbortController();
    const response = await fetch(url({ after: cursor, timeout }), {
      headers: { Accept: 'application/json' },
      credentials,
      signal: abort.signal,
    });
    if (response.status === 204) return 'ended';
    if (response.status >= 400 && response.status < 500) {
      const reason = (await response.text()).trim();
      throw Object.assign(new Error(reason || 'HTTP ' + response.status), { status: response.status });
    }
    if (response.status !== 200) return null;
    return response.json();
  }

  function deliverAnswer(answer) {
    answer.events.forEach(deliver);
    if (!ended && answer.lastEventId) setCursor(answer.lastEventId);
  }

  async function poll() {
    while (!ended) {
      let answer;
      try {
        answer = await pollOnce(pollTimeout);
      } catch (e) {
        if (ended) return;
        if (e.status) return fail(e.message, e.status);
        answer = null;
      }
      if (ended) return;
      if (answer === 'ended') return finish(true);
      if (!answer) return retry(poll);
      attempt = 0;
      setStatus('open');
      deliverAnswer(answer);
    }
  }

  function socket() {
    ws = new WebSocket(url(cursor ? { lastEventId: cursor } : {}, 'ws'));
    ws.onopen = () => setStatus('open');
    ws.onmessage = (m) => deliver(JSON.parse(m.data));
    // 1000 is the server's "stream ended"; any other close is a drop to resume from
    ws.onclose = (e) => (e.code === 1000 ? finish(true) : retry(socket));
  }

  function sse() {
    const source = new EventSource(url(cursor ? { lastEventId: cursor } : {}), { withCredentials: !!options.withCredentials });
    es = source;
    let opened = false;
    let heard = false;
    let probe = null;
    const onMessage = (e) => {
      // a connection error is also an 'error' event, one without data
      if (ended || e.data === undefined || es !== source) return;
      heard = true;
      clearTimeout(probe);
      const data = parse(e.data);
      // SSE carries no stream name: a subscription to one stream knows it, others read the data's
      deliver({ id: e.lastEventId || undefined, event: e.type, stream: data && data.stream, data });
    };
    eventNames(handlers, terminal, options.events).forEach((n) => source.addEventListener(n, onMessage));
    source.onopen = () => {
      opened = true;
      setStatus('open');
      // a proxy that buffers the stream keeps it silent: ask once whether there is something to hear
      if (transport === 'auto' && !heard) probe = setTimeout(() => check(true), silence);
    };
    source.onerror = (e) => {
      // onerror hears the stream's own 'error' events too: those are messages, not a lost connection
      if (ended || es !== source || e.data !== undefined) return;
      clearTimeout(probe);
      if (source.readyState !== EventSource.CLOSED && (opened || transport === 'sse')) return setStatus('reconnecting');
      // EventSource gave up (a status other than 200, or it never opened): ask the server why
      source.close();
      check(false);
    };
    // a long-poll that answers at once tells a silent stream, an ended one and a refusal apart
    async function check(silent) {
      try {
        const answer = await pollOnce(0);
        if (ended || es !== source || (silent && heard)) return;
        if (answer === 'ended') return finish(true);
        if (silent && !(answer && answer.events.length)) return;
        source.close();
        if (transport === 'auto') {
          if (answer) deliverAnswer(answer);
          return poll();
        }
        retry(sse);
      } catch (e) {
        if (ended || es !== source) return;
        if (e.status) return fail(e.message, e.status);
        source.close();
        transport === 'auto' ? poll() : retry(sse);
      }
    }
  }

  setStatus('connecting');
  ({ auto: sse, sse, ws: socket, poll })[transport]();

  return {
    /** Ends the subscription; no further requests are made. */
    close: () => finish(false),
    /** Sends a message to the from("progress:<channel>") route: a frame on a WebSocket, else a POST. */
    send(message) {
      const text = typeof message === 'string' ? message : JSON.stringify(message);
      if (ws && ws.readyState === 1) return Promise.resolve(ws.send(text));
      if (names.length !== 1) return Promise.reject(new Error('send: POST goes to one stream'));
      return fetch(url(), {
        method: 'POST',
        credentials,
        headers: { 'Content-Type': typeof message === 'string' ? 'text/plain' : 'application/json' },
        body: text,
      }).then((r) => (r.ok ? r : Promise.reject(new Error('send: HTTP ' + r.status))));
    },
    get lastEventId() {
      return cursor;
    },
    get status() {
      return state;
    },
  };
}

// The base path: given, else where this script was served from (as in http://host/progress).
function baseOf(baseUrl) {
  const from = baseUrl || (import.meta.url.startsWith('http') ? new URL('.', import.meta.url).href : null);
  if (!from) throw new Error('subscribe: give options.baseUrl, as in "http://localhost:8080/progress"');
  return new URL(from, globalThis.location && globalThis.location.href).href.replace(/\/+$/, '');
}

// EventSource hears only the event names it listens to: the usual ones, those of handlers, and options.events.
function eventNames(handlers, terminal, extra = []) {
  const fromHandlers = Object.keys(handlers)
    .filter((k) => /^on[A-Z]/.test(k) && k !== 'onEvent' && k !== 'onStatus')
    .map((k) => k.charAt(2).toLowerCase() + k.slice(3));
  return [...new Set(['progress', 'message', 'reset', ...terminal, ...fromHandlers, ...extra])];
}

// Data is JSON when it looks like an object or array, as the server embeds it in WebSocket frames.
function parse(text) {
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return text;
    }
  }
  return text;
}

function call(handler, ...args) {
  if (!handler) return;
  try {
    handler(...args);
  } catch (e) {
    // a failing handler must not stop the subscription; report it where uncaught errors go
    setTimeout(() => {
      throw e;
    });
  }
}

function load(key) {
  try {
    return key && globalThis.sessionStorage ? sessionStorage.getItem(key) : null;
  } catch (e) {
    return null;
  }
}

function save(key, value) {
  try {
    if (globalThis.sessionStorage) value ? sessionStorage.setItem(key, value) : sessionStorage.removeItem(key);
  } catch (e) {
    // storage full or forbidden: resuming after a reload is then not possible, the stream still works
  }
}
