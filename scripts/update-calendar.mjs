#!/usr/bin/env node
// Regenerate crates/studio-core/data/china-calendar.txt (and its LICENSE) from the npm package
// `chinese-days` (MIT, https://github.com/vsme/chinese-days): China's public holidays and make-up
// working days (调休上班) as published each year by the State Council, 2004 onwards.
//
// The app never depends on the npm package: this script runs by hand when a new year's calendar is
// published (usually November), and its output is committed and embedded in studio-core.
//
//   node scripts/update-calendar.mjs                 latest published chinese-days
//   node scripts/update-calendar.mjs --version 1.5.7 a given version
//   node scripts/update-calendar.mjs --from DIR      an unpacked package folder (offline)
//
// Then: cargo test -p studio-core calendar, and review the diff of the data file against the
// State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知) before committing.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'chinese-days';
const REPO_URL = 'https://github.com/vsme/chinese-days';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'crates/studio-core/data');
const outData = path.join(outDir, 'china-calendar.txt');
const outLicense = path.join(outDir, 'china-calendar.LICENSE');

// The source's short names, spelled as the State Council notices spell them.
const NAMES = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

// Days the source gets wrong, each with the evidence. Applied only where the source disagrees; a
// correction the source has caught up with is reported so it can be dropped from this list.
const CORRECTIONS = [
  {
    date: '2005-12-31',
    kind: 'W',
    name: '元旦',
    why:
      '2006 元旦 notice (国办, http://www.gov.cn/jrzg/2005-12/22/content_133837.htm): "1月1日—3日放假，' +
      '……12月31日(星期六)上班"; chinese-days quotes it in src/holidays/generate.ts but lists the day only ' +
      'under 2006 rules, so 2005-12-31 is missing from its data.',
  },
];

function fail(msg) {
  console.error(`update-calendar: ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { version: null, from: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version') args.version = argv[++i];
    else if (a === '--from') args.from = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/update-calendar.mjs [--version X.Y.Z | --from DIR]');
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  return args;
}

/** Fetch the package tarball with npm's own client and unpack it; returns the package folder. */
function fetchPackage(version) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chinese-days-'));
  const spec = version ? `${PACKAGE}@${version}` : PACKAGE;
  const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: tmp, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['xzf', tgz], { cwd: tmp });
  return path.join(tmp, 'package');
}

const DAY_MS = 86400000;
const toDate = (s) => new Date(`${s}T00:00:00Z`);
const fmt = (d) => d.toISOString().slice(0, 10);
const nextDay = (s) => fmt(new Date(toDate(s).getTime() + DAY_MS));
const isWeekend = (s) => [0, 6].includes(toDate(s).getUTCDay());

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkgDir = args.from ? path.resolve(args.from) : fetchPackage(args.version);
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.name !== PACKAGE) fail(`${pkgDir} holds ${pkg.name}, not ${PACKAGE}`);
  if (pkg.license !== 'MIT') fail(`${PACKAGE} ${pkg.version} is licensed ${pkg.license}, not MIT`);
  const license = fs.readFileSync(path.join(pkgDir, 'LICENSE'), 'utf8');
  const data = JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist/chinese-days.json'), 'utf8'));

  // date -> { kind: 'H' | 'W', name }
  const days = new Map();
  const add = (date, kind, value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || fmt(toDate(date)) !== date) fail(`bad date ${date}`);
    const short = String(value).split(',')[1]?.trim();
    if (!short) fail(`no Chinese name for ${date}: ${value}`);
    if (days.has(date)) fail(`${date} is both a holiday and a make-up working day in the source`);
    days.set(date, { kind, name: NAMES[short] ?? short });
  };
  for (const [date, v] of Object.entries(data.holidays)) add(date, 'H', v);
  for (const [date, v] of Object.entries(data.workdays)) add(date, 'W', v);

  for (const c of CORRECTIONS) {
    const have = days.get(c.date);
    if (have && have.kind === c.kind) {
      console.warn(`note: the source now has ${c.date} ${c.kind}; drop this correction from the script`);
      continue;
    }
    days.set(c.date, { kind: c.kind, name: c.name });
    console.log(`corrected ${c.date} -> ${c.kind} ${c.name}`);
  }

  const dates = [...days.keys()].sort();
  const firstYear = Number(dates[0].slice(0, 4));
  const lastYear = Number(dates[dates.length - 1].slice(0, 4));

  // Sanity: a make-up working day is always a Saturday or Sunday; every year has its Spring
  // Festival and National Day.
  for (const d of dates) {
    const { kind, name } = days.get(d);
    if (kind === 'W' && !isWeekend(d)) fail(`${d} (${name}) is a make-up working day on a weekday`);
  }
  for (let y = firstYear; y <= lastYear; y++) {
    const names = new Set(dates.filter((d) => d.startsWith(`${y}-`)).map((d) => days.get(d).name));
    for (const must of ['春节', '国庆节']) {
      if (!names.has(must)) fail(`${y} has no ${must}: is that year's calendar incomplete?`);
    }
  }

  // Runs of consecutive days of the same kind and name become one line.
  const lines = [];
  for (let i = 0; i < dates.length; ) {
    const { kind, name } = days.get(dates[i]);
    let j = i;
    while (
      j + 1 < dates.length &&
      dates[j + 1] === nextDay(dates[j]) &&
      days.get(dates[j + 1]).kind === kind &&
      days.get(dates[j + 1]).name === name
    ) {
      j++;
    }
    const span = i === j ? dates[i] : `${dates[i]}..${dates[j]}`;
    lines.push(`${span} ${kind} ${name}`);
    i = j + 1;
  }

  const copyright = license.split('\n').find((l) => /^Copyright/i.test(l.trim()))?.trim() ?? '';
  const header = [
    '# China\'s official working-day calendar (中国法定节假日与调休上班日), from the State Council\'s',
    '# yearly notices (国务院办公厅关于某年部分节假日安排的通知).',
    `# Source: npm package ${PACKAGE} ${pkg.version} (${REPO_URL}), MIT licence,`,
    `#   ${copyright}; the licence text is in china-calendar.LICENSE.`,
    '# Generated by scripts/update-calendar.mjs: do not edit by hand. Corrections to the source live',
    '# in that script, each with its evidence. Holiday names follow the notices (清明节, 端午节, 中秋节).',
    '#',
    '# `source NAME VERSION LICENCE` and `years FIRST LAST` (the years covered) come first; then one',
    '# line per run of days: `DATE[..DATE] KIND NAME`, KIND H = public holiday (off), W = make-up',
    '# working day (调休上班, a Saturday or Sunday that is worked). Days not listed follow the weekly',
    '# rule: Monday to Friday work, Saturday and Sunday rest.',
    `source ${PACKAGE} ${pkg.version} MIT`,
    `years ${firstYear} ${lastYear}`,
  ];
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(outData, [...header, ...lines].join('\n') + '\n');
  fs.writeFileSync(outLicense, license.endsWith('\n') ? license : `${license}\n`);

  const perYear = {};
  for (const d of dates) perYear[d.slice(0, 4)] = (perYear[d.slice(0, 4)] ?? 0) + 1;
  console.log(
    `${PACKAGE} ${pkg.version}: years ${firstYear}–${lastYear}, ${dates.length} days in ${lines.length} lines`,
  );
  console.log(`wrote ${path.relative(root, outData)} and ${path.relative(root, outLicense)}`);
  const next = lastYear + 1;
  console.log(
    `${next} is not in the source yet; once the State Council publishes it, update the package or ` +
      'enter the days as overrides in the app.',
  );
}

main();
