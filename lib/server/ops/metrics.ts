/**
 * The server's counters and gauges, rendered in the Prometheus text exposition format
 * (version 0.0.4). No client library: a handful of numbers does not need one.
 */

type Labels = Record<string, string>;

class Family {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly kind: 'counter' | 'gauge',
  ) {}

  add(delta: number, labels: Labels = {}): void {
    const key = JSON.stringify(Object.entries(labels).sort());
    const entry = this.values.get(key);
    if (entry) entry.value += delta;
    else this.values.set(key, { labels, value: delta });
  }

  get(labels: Labels = {}): number {
    return this.values.get(JSON.stringify(Object.entries(labels).sort()))?.value ?? 0;
  }

  render(): string {
    const head = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} ${this.kind}\n`;
    // A family without label sets still shows 0, so dashboards and alerts see the series from the start.
    const samples = this.values.size === 0 ? [{ labels: {}, value: 0 }] : [...this.values.values()];
    return head + samples.map((s) => `${this.name}${labelText(s.labels)} ${s.value}\n`).join('');
  }
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}

export type Direction = 'in' | 'out';
export type TransferResult = 'ok' | 'aborted' | 'failed';

export class Metrics {
  private readonly sessionsActive = new Family('zftps_sessions_active', 'FTP control sessions open now.', 'gauge');
  private readonly sessionsTotal = new Family('zftps_sessions_total', 'FTP control sessions accepted since start.', 'counter');
  private readonly handshakeFailures = new Family('zftps_tls_handshake_failures_total', 'TLS handshakes that failed, by channel.', 'counter');
  private readonly reuseRefusals = new Family('zftps_tls_reuse_refusals_total', 'Data connections refused because they did not resume the control TLS session, by reason.', 'counter');
  private readonly loginFailures = new Family('zftps_login_failures_total', 'Failed logins, by reason.', 'counter');
  private readonly bytesTotal = new Family('zftps_data_bytes_total', 'Bytes moved on data connections, by direction (in = upload).', 'counter');
  private readonly transfers = new Family('zftps_transfers_total', 'File transfers, by direction and result.', 'counter');
  private readonly families = [this.sessionsActive, this.sessionsTotal, this.handshakeFailures, this.reuseRefusals, this.loginFailures, this.bytesTotal, this.transfers];

  sessionOpened(): void {
    this.sessionsActive.add(1);
    this.sessionsTotal.add(1);
  }

  sessionClosed(): void {
    this.sessionsActive.add(-1);
  }

  handshakeFailed(channel: 'control' | 'data'): void {
    this.handshakeFailures.add(1, { channel });
  }

  /** reason e.g. 'not-resumed', 'other-session', 'no-tls'. */
  reuseRefused(reason: string): void {
    this.reuseRefusals.add(1, { reason });
  }

  /** reason e.g. 'bad-password', 'unknown-user', 'certificate', 'locked-out'. */
  loginFailed(reason: string): void {
    this.loginFailures.add(1, { reason });
  }

  bytes(direction: Direction, n: number): void {
    this.bytesTotal.add(n, { direction });
  }

  transfer(direction: Direction, result: TransferResult): void {
    this.transfers.add(1, { direction, result });
  }

  /** Current values, for tests and the engine's own checks. */
  snapshot(): {
    sessionsActive: number;
    sessionsTotal: number;
    bytesIn: number;
    bytesOut: number;
    handshakeFailures: (channel: 'control' | 'data') => number;
    reuseRefusals: (reason: string) => number;
    loginFailures: (reason: string) => number;
    transfers: (direction: Direction, result: TransferResult) => number;
  } {
    return {
      sessionsActive: this.sessionsActive.get(),
      sessionsTotal: this.sessionsTotal.get(),
      bytesIn: this.bytesTotal.get({ direction: 'in' }),
      bytesOut: this.bytesTotal.get({ direction: 'out' }),
      handshakeFailures: (channel) => this.handshakeFailures.get({ channel }),
      reuseRefusals: (reason) => this.reuseRefusals.get({ reason }),
      loginFailures: (reason) => this.loginFailures.get({ reason }),
      transfers: (direction, result) => this.transfers.get({ direction, result }),
    };
  }

  /** Prometheus text format; serve with content type `text/plain; version=0.0.4; charset=utf-8`. */
  render(): string {
    return this.families.map((f) => f.render()).join('');
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
