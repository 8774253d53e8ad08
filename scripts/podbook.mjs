#!/usr/bin/env node
/**
 * `podbook` (the package's bin): a thin dispatcher to one file per command in scripts/commands/.
 * Exit codes: 0 success, 1 a check found problems, 2 usage or set-up errors.
 */
// The commands are TypeScript run by Node's type stripping (on by default from Node 22.18 / 23.6).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `podbook needs Node 22.18 or newer; this is Node ${process.versions.node}. Run it from the project folder with npx (npx podbook ...), which uses the Node 24 that npm ci installed.`,
  );
  process.exit(2);
}

const COMMANDS = {
  validate: () => import('./commands/validate.ts'),
  explain: () => import('./commands/explain.ts'),
  check: () => import('./commands/check.ts'),
};

const USAGE = `usage: podbook <command> [options]

commands:
  validate <file...>   validate Kubernetes manifests as the apiserver would (podbook validate --help)
  explain <field>      print what kubectl explain prints for a Kubernetes and kubectl release (podbook explain --help)
  check [paths...]     check the examples of documentation pages, as the site build does (podbook check --help)

Run on Node 24 through npx (npx podbook ...), from the project folder.`;

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(USAGE);
  process.exit(name === undefined ? 2 : 0);
}
const load = COMMANDS[name];
if (!load) {
  console.error(`podbook: unknown command "${name}"\n\n${USAGE}`);
  process.exit(2);
}
const command = await load();
process.exitCode = await command.main(args);
