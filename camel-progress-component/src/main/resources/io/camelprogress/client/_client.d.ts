// Typings of the camel-progress browser client (<basePath>/_client.js).

/** An event as the server sent it, whatever the transport. */
export interface ProgressEvent<T = unknown> {
  /** Opaque; the client resumes after it. Absent on reset notices and on events sent to one connection. */
  id?: string;
  /** The event name: progress, done, error, reset, or a route's own (CamelProgressEvent). */
  event: string;
  /** The stream, as in uploads/job42. Over SSE with several streams, taken from data.stream when it has one. */
  stream?: string;
  /** JSON when the payload is a JSON object or array, else the text. */
  data: T;
}

/** The document of a producer with payload=progress. */
export interface ProgressData {
  stream: string;
  stage?: string;
  percent?: number;
  current?: number;
  total?: number;
  message?: string;
}

/** Something could not be replayed: gap, epoch, lagged, coalesced or another reason the server gives. */
export interface ResetInfo {
  streams: string[];
  reason: string;
}

/** What a refusal of the server or a terminal error event carries. */
export interface ErrorInfo {
  message?: string;
  /** The HTTP status of a refusal (a 4xx); absent on an error event of the stream. */
  status?: number;
  [key: string]: unknown;
}

export type Status = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Handlers {
  /** Every event, reset notices included, before the handler of its name. */
  onEvent?: (ev: ProgressEvent) => void;
  onProgress?: (data: ProgressData, ev: ProgressEvent<ProgressData>) => void;
  /** A terminal event: the subscription ends once every named stream has ended. */
  onDone?: (data: any, ev: ProgressEvent) => void;
  /** A terminal error event of the stream (ev set), or the server refused the subscription (ev undefined); it ends. */
  onError?: (data: ErrorInfo | any, ev?: ProgressEvent) => void;
  onReset?: (info: ResetInfo, ev: ProgressEvent<ResetInfo>) => void;
  onStatus?: (status: Status) => void;
  /** onCancelled, onStage...: the handler of the event of that name (cancelled, stage). */
  [handler: `on${string}`]: ((data: any, ev: ProgressEvent) => void) | ((...args: any[]) => void) | undefined;
}

export interface Options {
  /** auto (the default) is SSE, falling back to long-poll when the stream cannot open or a proxy keeps it silent. */
  transport?: 'auto' | 'sse' | 'ws' | 'poll';
  /** Resume after this id instead of from the start. */
  lastEventId?: string;
  /** 'session': keep the last id in sessionStorage, so that a reload of the page resumes. */
  resume?: 'session';
  /** The component's base URL, as in http://localhost:8080/progress; by default where this script came from. */
  baseUrl?: string;
  /** Event names that end a stream; the default is done and error, as the server's terminalEvents. */
  terminal?: string[];
  /** More event names to hear over SSE (which hears only names it listens to) besides those of the handlers. */
  events?: string[];
  /** The first reconnect waits up to this many milliseconds, doubling up to 30 s; default 1000. */
  retryDelay?: number;
  /** auto: how long an open SSE stream may stay silent before the client checks it is not buffered; default 20000 ms. */
  silence?: number;
  /** Seconds a long-poll is held; default 25 (the server holds at most its longPollTimeout). */
  pollTimeout?: number;
  /**
   * The stream ticket when the server has ticketSecret set, sent as ?ticket= on every request; a function is
   * asked again at each reconnect, so that a page can hand over a fresh one before the last expires.
   */
  ticket?: string | (() => string);
  /** Send cookies across origins (EventSource withCredentials, fetch credentials: 'include'); the server needs allowCredentials. */
  withCredentials?: boolean;
}

export interface Subscription {
  /** Ends the subscription: no further requests. */
  close(): void;
  /** A message to the from("progress:<channel>") route: a WebSocket frame, else a POST to the stream. */
  send(message: string | object): Promise<unknown>;
  /** Where a reconnect resumes from. */
  readonly lastEventId: string;
  readonly status: Status;
}

export function subscribe(streams: string | string[], handlers?: Handlers, options?: Options): Subscription;
