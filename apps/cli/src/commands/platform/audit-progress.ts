import { Transform, type TransformCallback } from 'node:stream';

const BAR = 24;

/**
 * Counts the NDJSON lines passing through and remembers the last complete line's position; on a
 * terminal, redraws one stderr line at most 10 times a second: a moving marker (the export does
 * not know the head in advance), events, position, MB and events per second.
 */
export class AuditProgress extends Transform {
  events = 0;
  lastPosition: number;
  private bytes = 0;
  private tail = '';
  private drawnAt = 0;
  private readonly started = Date.now();

  constructor(from: number, private readonly draw: boolean) {
    super();
    this.lastPosition = from;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    const text = this.tail + chunk.toString('utf8');
    const end = text.lastIndexOf('\n');
    if (end >= 0) {
      const complete = text.slice(0, end);
      for (let i = complete.indexOf('\n'); i >= 0; i = complete.indexOf('\n', i + 1)) this.events += 1;
      this.events += 1;
      const lastLine = complete.slice(complete.lastIndexOf('\n') + 1);
      this.lastPosition = (JSON.parse(lastLine) as { position: number }).position;
      this.tail = text.slice(end + 1);
    } else this.tail = text;
    if (this.draw && Date.now() - this.drawnAt > 100) this.render();
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.draw) {
      this.render();
      process.stderr.write('\n');
    }
    callback();
  }

  private render(): void {
    this.drawnAt = Date.now();
    const seconds = Math.max(0.001, (this.drawnAt - this.started) / 1000);
    const at = Math.floor(this.drawnAt / 100) % BAR;
    process.stderr.write(
      `\r[${' '.repeat(at)}=${' '.repeat(BAR - at - 1)}] ${this.events.toLocaleString('en')} events, position ${this.lastPosition.toLocaleString('en')}, ${(this.bytes / 1e6).toFixed(1)} MB, ${Math.round(this.events / seconds).toLocaleString('en')} ev/s `,
    );
  }
}
