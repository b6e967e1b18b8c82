// Records every handler call of a subscription until it closes: the same code runs in Chromium and in Node.
export function record(subscribe, stream, options) {
  return new Promise((resolve) => {
    const calls = [];
    const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
    subscribe(
      stream,
      {
        onEvent: (ev) => calls.push(`onEvent ${ev.event} ${ev.id ? 'id' : 'no-id'} ${ev.stream}`),
        onProgress: (data) => calls.push('onProgress ' + text(data)),
        onNote: (data) => calls.push('onNote ' + text(data)),
        onDone: (data) => calls.push('onDone ' + text(data)),
        onReset: (info) => calls.push('onReset ' + text(info)),
        onStatus: (state) => {
          calls.push('onStatus ' + state);
          if (state === 'closed') resolve(calls);
        },
      },
      options,
    );
  });
}
