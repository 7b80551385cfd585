/** The engine's findings as Monaco markers, each linking to its rule's page. */
import type { Finding } from '../../engine/rules/types.ts';
import type { Monaco } from './monaco.ts';

type Marker = Parameters<Monaco['editor']['setModelMarkers']>[2][number];

export function findingMarker(monaco: Monaco, finding: Finding): Marker {
  const { MarkerSeverity } = monaco;
  return {
    startLineNumber: finding.range.start.line,
    startColumn: finding.range.start.column,
    endLineNumber: finding.range.end.line,
    endColumn: finding.range.end.column,
    message: finding.message,
    severity: finding.severity === 'error' ? MarkerSeverity.Error : finding.severity === 'warning' ? MarkerSeverity.Warning : MarkerSeverity.Info,
    source: 'layerwise',
    code: { value: finding.rule, target: monaco.Uri.parse(`${location.origin}/rules/${finding.rule}/`) },
  };
}
