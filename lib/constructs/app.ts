/**
 * FtpsApp: the root of a program that uses no IaC engine (the embedded default).
 * `await app.synth()` writes every server's artifacts and manifest.json to the
 * output folder: `outdir` option, else ZFTPS_OUTDIR, else `zftps.out`.
 */
import { Construct } from 'constructs';
import { formatFinding } from '../diagnostics';
import { synthesize, SynthError, type SynthResult } from '../synth';

export interface FtpsAppProps {
  /** Output folder. @default process.env.ZFTPS_OUTDIR ?? 'zftps.out' */
  readonly outdir?: string;
  /** Where keys and certificates persist between synths (keep it out of version control). @default process.env.ZFTPS_KEYSTORE ?? '.zftps-keys' */
  readonly keyStoreDir?: string;
  /** Identities (certificate names) to renew on this synth. */
  readonly renew?: readonly string[];
  /** Do not print findings (callers handle them). @default false */
  readonly quiet?: boolean;
}

export class FtpsApp extends Construct {
  readonly outdir: string;
  readonly keyStoreDir: string;

  constructor(readonly props: FtpsAppProps = {}) {
    super(undefined as unknown as Construct, '');
    this.outdir = props.outdir ?? process.env.ZFTPS_OUTDIR ?? 'zftps.out';
    this.keyStoreDir = props.keyStoreDir ?? process.env.ZFTPS_KEYSTORE ?? '.zftps-keys';
  }

  /**
   * Runs every rule, generates (or reuses) keys, and writes the artifacts. Rejects
   * with a SynthError listing every blocking finding; it also prints them and sets
   * process.exitCode, so a program that does not await still fails visibly.
   */
  synth(): Promise<SynthResult> {
    const progress = this.props.quiet ? undefined : progressDisplay();
    const run = synthesize(this, { outdir: this.outdir, keyStoreDir: this.keyStoreDir, renew: this.props.renew, onProgress: progress?.update });
    run.then(
      (result) => {
        progress?.done();
        if (!this.props.quiet) for (const f of result.findings) console.error(formatFinding(f));
      },
      (err: unknown) => {
        progress?.done();
        if (this.props.quiet) return;
        if (err instanceof SynthError) {
          for (const f of err.findings) console.error(formatFinding(f));
          console.error(err.message);
        } else {
          console.error(`zftps synth failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        process.exitCode = 1;
      },
    );
    return run;
  }
}

/**
 * Key generation can take a while (RSA keys, many client certificates): after a second
 * without finishing, show how far it got on stderr — one updating line on a terminal,
 * a line every few seconds otherwise.
 */
function progressDisplay(): { update: (ring: string, done: number, total: number) => void; done: () => void } {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let shown = false;
  let lastLine = 0;
  return {
    update(ring, done, total) {
      const now = Date.now();
      if (now - started < 1000 || total === 0) return;
      if (!tty && now - lastLine < 5000 && done !== total) return;
      lastLine = now;
      shown = true;
      const line = `zftps: key ring ${ring}: ${done}/${total} keys and certificates`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done() {
      if (shown && tty) process.stderr.write('\n');
    },
  };
}
