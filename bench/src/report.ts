import { PATHS, round, type Measurement, type PathId } from './scenarios';

/** Scenarios that move the same bytes and are compared with one another. */
export interface ScenarioGroup {
  label: string;
  sizeBytes: number;
  uploads: number;
  results: Measurement[];
}

export interface Target {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

export interface Environment {
  /** The node running the bench (the client) and the sandbox. */
  node: string;
  /** The node running the proxy (a, b) and the pipe (d): `--server-node`, this one by default. */
  serverNode: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average before and after: other work on the machine shows up here. */
  loadAverage: { start: number; end: number };
}

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  environment: Environment;
  method: { repeats: number; mb: string; throughput: string; rss: string; disk: string; cpu: string };
  groups: (ScenarioGroup & { ratios: Record<string, { toDirect?: number; toPipe?: number }> })[];
  targets: Target[];
}

const MB = 1e6;
const PROXY_PATHS: PathId[] = ['one-shot', 'resumable'];
const THROUGHPUT_FLOOR = 0.9;
/** Issue 17's targets, under production's Node 24: one 1 GiB upload, 16 and 64 at once. */
const RSS_LIMIT_1GIB = 110 * MB;
const RSS_LIMIT_CONCURRENT = 200 * MB;
const RSS_LIMIT_64_CONCURRENT = 250 * MB;

const find = (group: ScenarioGroup, path: PathId) => group.results.find((m) => m.path === path);
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ratio = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const name = (path: PathId) => `(${PATHS[path].letter}) ${PATHS[path].label}`;

function ratios(group: ScenarioGroup) {
  const direct = find(group, 'direct')?.mbPerSec;
  const pipe = find(group, 'pipe')?.mbPerSec;
  return Object.fromEntries(
    group.results.map((m) => [
      m.path,
      {
        ...(direct ? { toDirect: round(m.mbPerSec / direct, 3) } : {}),
        ...(pipe ? { toPipe: round(m.mbPerSec / pipe, 3) } : {}),
      },
    ]),
  );
}

/** The issue's targets, judged on this run only. A miss is reported, never thrown: this is a measurement. */
function judge(groups: ScenarioGroup[]): Target[] {
  const targets: Target[] = [];
  for (const group of groups) {
    const pipe = find(group, 'pipe');
    for (const path of PROXY_PATHS) {
      const m = find(group, path);
      if (!m) continue;
      if (pipe) {
        const r = m.mbPerSec / pipe.mbPerSec;
        targets.push({
          name: `${group.label} ${name(path)}: throughput vs (d) bare pipe`,
          limit: `≥ ${THROUGHPUT_FLOOR}×`,
          measured: `${r.toFixed(3)}× (${m.mbPerSec.toFixed(0)} vs ${pipe.mbPerSec.toFixed(0)} MB/s)`,
          pass: r >= THROUGHPUT_FLOOR,
        });
      }
      const limit =
        group.uploads >= 64
          ? RSS_LIMIT_64_CONCURRENT
          : group.uploads > 1
            ? RSS_LIMIT_CONCURRENT
            : group.sizeBytes >= 1024 ** 3
              ? RSS_LIMIT_1GIB
              : undefined;
      if (limit !== undefined && m.server) {
        targets.push({
          name: `${group.label} ${name(path)}: proxy peak RSS`,
          limit: `≤ ${mb(limit)}`,
          measured: mb(m.server.peakRssBytes),
          pass: m.server.peakRssBytes <= limit,
        });
      }
    }
  }
  const proxyRuns = groups.flatMap((g) => g.results.filter((m) => PROXY_PATHS.includes(m.path) && m.server));
  const worst = Math.max(0, ...proxyRuns.map((m) => m.server!.diskWriteBytes));
  targets.push({
    name: `proxy disk writes, every proxy scenario (${proxyRuns.length})`,
    limit: '0 bytes',
    measured: `${worst} bytes at most`,
    pass: worst === 0,
  });
  return targets;
}

export function buildResults(
  groups: ScenarioGroup[],
  info: { startedAt: Date; durationSeconds: number; environment: Environment; repeats: number },
): BenchResults {
  return {
    startedAt: info.startedAt.toISOString(),
    durationSeconds: Math.round(info.durationSeconds * 10) / 10,
    environment: info.environment,
    method: {
      repeats: info.repeats,
      mb: '1 MB = 10^6 bytes; sizes are binary (MiB, GiB)',
      throughput: 'median over repeats of bytes / wall time from first init to last chunk acknowledged',
      rss: 'VmHWM of the server process, fresh per repetition, worst repetition; start = VmHWM once listening',
      disk: '/proc/<pid>/io write_bytes delta from listening to the end of the scenario, worst repetition',
      cpu: 'median user + system CPU seconds per GiB in the timed section: bench process, server process, sandbox process',
    },
    groups: groups.map((g) => ({ ...g, ratios: ratios(g) })),
    targets: judge(groups),
  };
}

export function toMarkdown(results: BenchResults): string {
  const env = results.environment;
  const lines = [
    `Run ${results.startedAt} · Node ${env.node}${env.serverNode === env.node ? '' : ` (proxy and pipe on ${env.serverNode})`} · ${env.cpus} × ${env.cpuModel} · load ${env.loadAverage.start.toFixed(1)} → ${env.loadAverage.end.toFixed(1)} · ${results.durationSeconds} s · median of ${results.method.repeats} rounds`,
    '',
    '| scenario | path | MB/s (best) | vs (c) | vs (d) | server RSS start → peak | disk writes | CPU s/GiB client · server · sandbox | runs (s) |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const group of results.groups) {
    for (const m of group.results) {
      const r = group.ratios[m.path] ?? {};
      const isProxy = PROXY_PATHS.includes(m.path);
      const server = m.server ? `${(m.server.startRssBytes / MB).toFixed(0)} → ${mb(m.server.peakRssBytes)}` : '–';
      const cpu = [m.cpuPerGiB.client, m.cpuPerGiB.server, m.cpuPerGiB.sandbox]
        .map((c) => (c === undefined ? '–' : c.toFixed(2)))
        .join(' · ');
      lines.push(
        `| ${group.label} | ${name(m.path)} | ${m.mbPerSec.toFixed(0)} (${m.bestMbPerSec.toFixed(0)}) | ${isProxy ? ratio(r.toDirect) : '–'} | ${isProxy ? ratio(r.toPipe) : '–'} | ${server} | ${m.server ? `${m.server.diskWriteBytes} B` : '–'} | ${cpu} | ${m.runsSeconds.map((s) => s.toFixed(2)).join(' / ')} |`,
      );
    }
  }
  lines.push(
    '',
    'MB = 10^6 bytes; MB/s is the median round, (best) the fastest. vs (c) / vs (d): median throughput relative to the same bytes sent straight to the upload URL / through a bare node:http pipe. ' +
      'Server RSS is VmHWM of the proxy (a, b) or pipe (d) process, fresh per run; (d) runs under tsx, whose loader thread adds ~30 MB at start. ' +
      'CPU s/GiB: user + system CPU of each process in the timed section per GiB moved (2 cores = at most 2 CPU s per wall second).',
    '',
    '| target | limit | measured | |',
    '|---|---|---|---|',
  );
  for (const t of results.targets)
    lines.push(`| ${t.name} | ${t.limit} | ${t.measured} | ${t.pass ? 'pass' : '**MISS**'} |`);
  const problems = [...new Set(results.groups.flatMap((g) => g.results.flatMap((m) => m.problems)))];
  if (problems.length) lines.push('', 'The proxy logged warnings or errors:', '', ...problems.map((p) => `    ${p}`));
  return `${lines.join('\n')}\n`;
}
