/** Renders findings as text, JSON or SARIF 2.1.0 (for code-scanning tools). */
import { type Finding, formatFinding, formatLocation } from '../diagnostics';
import { ALL_RULES } from '../rules';

export type OutputFormat = 'text' | 'json' | 'sarif';

export function renderFindings(findings: readonly Finding[], format: OutputFormat): string {
  if (format === 'json') return JSON.stringify({ findings }, null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(sarif(findings), null, 2) + '\n';
  if (findings.length === 0) return 'no findings\n';
  const counts = ['error', 'warning', 'info'].map((s) => `${findings.filter((f) => f.severity === s && !f.acknowledged).length} ${s}`);
  const acked = findings.filter((f) => f.acknowledged).length;
  return findings.map(formatFinding).join('\n') + `\n${counts.join(', ')}${acked ? `, ${acked} acknowledged` : ''}\n`;
}

function sarif(findings: readonly Finding[]) {
  const ids = [...new Set(findings.map((f) => f.ruleId))].sort();
  const meta = new Map(ALL_RULES.map((r) => [r.id, r]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zftps',
            informationUri: 'https://www.npmjs.com/package/zftps',
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: meta.get(id)?.title ?? id },
              helpUri: `docs/rules.md#${id.toLowerCase()}`,
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          level: f.severity === 'info' ? 'note' : f.severity,
          message: { text: `${f.message} Fix: ${f.fix}` },
          ...(f.acknowledged ? { suppressions: [{ kind: 'inSource', justification: f.acknowledged.reason }] } : {}),
          locations: f.location
            ? [{ physicalLocation: { artifactLocation: { uri: f.location.file }, region: { startLine: f.location.line } } }]
            : [],
        })),
      },
    ],
  };
}

export { formatLocation };
