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
    const run = synthesize(this, { outdir: this.outdir, keyStoreDir: this.keyStoreDir, renew: this.props.renew });
    run.then(
      (result) => {
        if (!this.props.quiet) for (const f of result.findings) console.error(formatFinding(f));
      },
      (err: unknown) => {
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
