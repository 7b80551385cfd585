import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  allRules,
  applyEdits,
  CHECK_BUILD_ARG,
  findingJson,
  formatGithub,
  formatText,
  lintDockerfile,
  meetsThreshold,
  parseCheckOptions,
  parseLintConfig,
  SEVERITIES,
  toSarif,
  type LintConfig,
  type LintContext,
  type Severity,
} from '../../engine/rules/index.ts';
import { decodeUtf8, EXIT_INPUT, EXIT_OK, UsageError, type CliIO } from '../io.ts';
import { VERSION } from '../version.ts';

export const lintHelp = `Usage: layerwise lint DOCKERFILE [options]

Check a Dockerfile against every rule: hadolint's, Docker's build checks and
Layerwise's own size, cache and security advice.

Options:
  --context DIR                 the build context, for the rules about
                                .dockerignore and files that would be copied
  --format text|json|sarif|github
                                text (default): FILE:LINE:COL severity rule message
                                json: { "findings": [...] }
                                sarif: SARIF 2.1.0 for GitHub code scanning
                                github: GitHub Actions annotations
  --failure-threshold error|warning|info|style
                                exit 1 when a finding is at least this severe
                                (default: info)
  --build-arg NAME=VALUE        a build argument, as docker build takes it (repeat
                                for several): ARG values for the checks about
                                variables; BUILDKIT_DOCKERFILE_CHECK=skip=...;error=true
                                replaces the file's # check= directive
  --config FILE                 settings file (default: the nearest .layerwise.json
                                or "layerwise" key of package.json, from the
                                Dockerfile's directory up)
  --fix                         apply the mechanical fixes to DOCKERFILE in place,
                                then report what is left
  -h, --help                    show this help

Silence a rule on the next instruction with  # layerwise-ignore=<rule> reason
(hadolint's  # hadolint ignore=DL3008  and BuildKit's  # check=skip=Name  also work).
Exit status: 0 nothing at or above the threshold, 1 findings or errors, 2 wrong usage.
`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** How the command reads a build context; the Node adapter is injected to keep tests in-process. */
export type ContextLoader = (dir: string, dockerfile: string) => Promise<LintContext>;

async function readText(io: CliIO, path: string): Promise<string | null> {
  try {
    return decodeUtf8(await io.readFile(path));
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT' || (err as { code?: string }).code === 'ENOTDIR') return null;
    throw err;
  }
}

/** The nearest `.layerwise.json`, or package.json with a `layerwise` key, from `dir` upwards. */
async function findConfig(io: CliIO, dir: string): Promise<{ path: string; text: string; key?: string } | null> {
  let current = resolve(io.cwd, dir);
  for (;;) {
    const own = await readText(io, join(current, '.layerwise.json'));
    if (own !== null) return { path: join(current, '.layerwise.json'), text: own };
    const pkg = await readText(io, join(current, 'package.json'));
    if (pkg !== null && /"layerwise"\s*:/.test(pkg)) return { path: join(current, 'package.json'), text: pkg, key: 'layerwise' };
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

export function makeLintCommand(loadContext: ContextLoader) {
  return async function lintCommand(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        context: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        'failure-threshold': { type: 'string' },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(lintHelp);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('lint takes exactly one DOCKERFILE');
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown --format ${JSON.stringify(values.format)} (expected ${FORMATS.join(', ')})`);
    const thresholdFlag = values['failure-threshold'];
    if (thresholdFlag !== undefined && !SEVERITIES.includes(thresholdFlag as Severity)) {
      throw new UsageError(`unknown --failure-threshold ${JSON.stringify(thresholdFlag)} (expected ${SEVERITIES.join(', ')})`);
    }
    // Object.fromEntries defines every name as its own key (`__proto__` included).
    const buildArgs: Record<string, string> = Object.fromEntries(
      (values['build-arg'] ?? []).map((arg) => {
        const eq = arg.indexOf('=');
        if (eq <= 0) throw new UsageError(`--build-arg needs NAME=VALUE, got ${JSON.stringify(arg)}`);
        return [arg.slice(0, eq), arg.slice(eq + 1)];
      }),
    );
    const checkArg = buildArgs[CHECK_BUILD_ARG];
    if (checkArg !== undefined) {
      const parsed = parseCheckOptions(checkArg);
      if (!parsed.ok) throw new UsageError(`failed to parse ${CHECK_BUILD_ARG}: ${parsed.message}`);
    }
    const file = positionals[0]!;
    const path = resolve(io.cwd, file);

    // Settings: --config, or the nearest config file.
    let config: LintConfig = {};
    let configThreshold: Severity | null = null;
    const found = values.config
      ? { path: resolve(io.cwd, values.config), text: decodeUtf8(await io.readFile(resolve(io.cwd, values.config))) }
      : await findConfig(io, dirname(path));
    if (found) {
      const loaded = parseLintConfig(found.text, allRules, 'key' in found ? found.key : undefined);
      if (loaded.errors.length > 0) {
        for (const e of loaded.errors) io.stderr(`${found.path}:${e.line}:${e.column}: ${e.message}\n`);
        return EXIT_INPUT;
      }
      config = loaded.config;
      configThreshold = loaded.failureThreshold;
    }
    const threshold = (thresholdFlag as Severity | undefined) ?? configThreshold ?? 'info';
    const context = values.context !== undefined ? await loadContext(resolve(io.cwd, values.context), path) : null;

    let source = decodeUtf8(await io.readFile(path));
    const lint = () => lintDockerfile(source, { rules: allRules, context, config, buildArgs });
    let result = lint();

    if (values.fix) {
      if (!io.writeFile) throw new UsageError('--fix needs a writable file system');
      // A fix can make another applicable; a few passes settle it. Overlapping edits wait a pass.
      let changed = false;
      for (let pass = 0; pass < 5; pass++) {
        const edits = result.findings.flatMap((f) => f.fix?.edits ?? []);
        if (edits.length === 0) break;
        const next = applyEdits(source, edits);
        if (next === source) break;
        source = next;
        changed = true;
        result = lint();
      }
      if (changed) {
        await io.writeFile(path, source);
        io.stderr(`layerwise lint: fixed ${file}\n`);
      }
    }

    const parseErrors = result.parsed.errors;
    const findings = result.findings;
    switch (format) {
      case 'json':
        io.stdout(
          JSON.stringify(
            {
              findings: findings.map(findingJson),
              errors: parseErrors.map((e) => ({ line: e.range.start.line, column: e.range.start.column, message: e.message })),
            },
            null,
            2,
          ) + '\n',
        );
        break;
      case 'sarif':
        io.stdout(JSON.stringify(toSarif(file, findings, allRules, { version: VERSION }), null, 2) + '\n');
        break;
      case 'github':
        io.stdout(formatGithub(file, findings));
        break;
      default:
        io.stdout(formatText(file, findings));
    }
    for (const e of parseErrors) io.stderr(`${file}:${e.range.start.line}:${e.range.start.column}: ${e.message}\n`);
    // BuildKit fails the build on a `# check=` directive it cannot read; here the checks still run.
    if (result.checkOptionsError) io.stderr(`${file}: ${result.checkOptionsError}\n`);
    for (const c of result.crashed) io.stderr(`layerwise lint: rule ${c.rule} failed: ${c.message} (please report this)\n`);
    const failing = parseErrors.length > 0 || findings.some((f) => meetsThreshold(f.severity, threshold));
    return failing ? EXIT_INPUT : EXIT_OK;
  };
}
