import http from 'node:http';

export type SseEvent = { id: string | null; event: string; data: string };
export type SseStream = {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: SseEvent[];
  comments: string[];
  /** Resolves once `predicate` holds for what was received; rejects if the stream ends first. */
  waitFor: (what: string, predicate: (s: SseStream) => boolean) => Promise<void>;
  ended: Promise<void>;
  close: () => void;
};

/** A minimal EventSource over a real socket, sending whatever headers a fetch-based web client would. */
export const openStream = (baseUrl: string, path: string, headers: Record<string, string>): Promise<SseStream> =>
  new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${path}`, { headers, agent: false }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      let done = false;
      const listeners = new Set<() => void>();
      const notify = () => {
        for (const l of [...listeners]) l();
      };
      let endResolve: () => void = () => {};
      const ended = new Promise<void>((r) => (endResolve = r));
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        ended,
        close: () => req.destroy(),
        waitFor: (what, predicate) =>
          new Promise<void>((ok, fail) => {
            const check = () => {
              if (predicate(stream)) {
                listeners.delete(check);
                clearTimeout(timer);
                ok();
              } else if (done) {
                listeners.delete(check);
                clearTimeout(timer);
                fail(new Error(`stream ended before: ${what}`));
              }
            };
            // A readable failure instead of the test-level timeout when an event never arrives.
            const timer = setTimeout(() => {
              listeners.delete(check);
              fail(new Error(`never received: ${what}; got ${JSON.stringify(stream.events.map((e) => e.id))}`));
            }, 10_000);
            listeners.add(check);
            check();
          }),
      };
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const e: SseEvent = { id: null, event: 'message', data: '' };
          let isEvent = false;
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) {
              e.id = line.slice(4);
              isEvent = true;
            } else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              e.data += line.slice(6);
              isEvent = true;
            }
          }
          if (isEvent) stream.events.push(e);
        }
        notify();
      });
      const finish = () => {
        done = true;
        endResolve();
        notify();
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      resolve(stream);
    });
    req.on('error', reject);
  });

export const seqs = (s: SseStream): number[] => s.events.map((e) => Number(e.id));
