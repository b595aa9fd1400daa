// Stand-in `docker` for the one thing the real engine cannot give on the development machines: a
// registry to pull from (they have no network), so a test can make an image "missing" and watch
// the action pull it (__tests__/exec/container.test.ts, 'a missing image is pulled once'). Every
// other image test runs on real podman (helpers/engine, helpers/rootfs.ts). It models the subset
// of the CLI the action uses and fails loudly (exit 125) on anything else:
//
//   docker run --rm [-i] [--name NAME] [--entrypoint=] [-v HOST:CONT[:ro|:rw]] [-w DIR]
//              [-e NAME[=value]] [--env-file FILE] [--user UID[:GID]]
//              [--network none|host|bridge] [--cap-drop CAP] IMAGE CMD...
//   docker pull IMAGE
//   docker image inspect IMAGE
//   docker rm -f NAME | docker kill NAME
//
// As with a real engine, a container does not belong to the client: killing `docker run` (even
// with SIGKILL, even its whole process group) leaves the container running; only `rm -f` or
// `kill` of its name stops it. Running containers are files in FAKE_DOCKER_STATE (default
// $TMPDIR/fake-docker-containers): NAME (or an id) holding the pid of the container's process
// group.
//
// Images: FAKE_DOCKER_IMAGES is a JSON object {"name:tag": "/rootfs/folder"}: the "registry".
// FAKE_DOCKER_LOCAL, when set, is a file listing the images pulled to "this machine" (pull adds to
// it); when unset every registry image counts as local. FAKE_DOCKER_LOG, when set, gets one JSON
// line per invocation: {"argv": [...]}.
//
// `run` gives each container a throw-away overlay of the root folder (like --rm: nothing written
// outside the mounts survives), then enters it with bubblewrap: new pid/ipc/uts namespaces, fresh
// /proc, /dev and /tmp, and only the -v folders of the host. Variables: the image's PATH and HOME,
// then -e / --env-file in order; nothing else of the host's environment gets in.
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';

const STATE = process.env.FAKE_DOCKER_STATE ?? join(tmpdir(), 'fake-docker-containers');
const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const argv = process.argv.slice(2);

if (process.env.FAKE_DOCKER_LOG) {
  appendFileSync(process.env.FAKE_DOCKER_LOG, `${JSON.stringify({ argv })}\n`);
}

function fail(message, code = 125) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function unsupported(what) {
  fail(
    `fake docker: unsupported ${what} (argv: ${JSON.stringify(argv)}); model it in ${import.meta.filename} first`,
  );
}

function registry() {
  const raw = process.env.FAKE_DOCKER_IMAGES;
  if (!raw) fail('fake docker: FAKE_DOCKER_IMAGES is not set');
  return JSON.parse(raw);
}

function normalize(image) {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? image : `${image}:latest`;
}

function isLocal(name) {
  const file = process.env.FAKE_DOCKER_LOCAL;
  if (!file) return name in registry();
  return existsSync(file) && readFileSync(file, 'utf8').split('\n').includes(name);
}

function pull(name, out) {
  if (!(name in registry())) {
    const repo = name.replace(/:[^:/]*$/, '');
    fail(
      `Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      1,
    );
  }
  if (process.env.FAKE_DOCKER_LOCAL) appendFileSync(process.env.FAKE_DOCKER_LOCAL, `${name}\n`);
  const tag = name.slice(name.lastIndexOf(':') + 1);
  out.write(
    `${tag}: Pulling from ${name.replace(/:[^:/]*$/, '')}\nStatus: Downloaded newer image for ${name}\n`,
  );
}

function which(tool) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir, tool);
    if (dir && existsSync(path)) return path;
  }
  fail(`fake docker: '${tool}' is not installed on this machine`);
}

function parseRun(args) {
  const run = {
    rm: false,
    interactive: false,
    mounts: [],
    env: [],
    capDrop: [],
    user: undefined,
    net: true,
  };
  let i = 0;
  const value = (flag, inline) => {
    if (inline !== undefined) return inline;
    if (i + 1 >= args.length) fail(`flag needs an argument: ${flag}`);
    return args[++i];
  };
  for (; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) break;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    switch (flag) {
      case '--rm':
        run.rm = true;
        break;
      case '--name':
        run.name = value(flag, inline);
        if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(run.name))
          fail(`Invalid container name (${run.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`);
        break;
      case '-i':
      case '--interactive':
        run.interactive = true;
        break;
      case '--entrypoint':
        // Only clearing the image's entrypoint is modelled (our root folder has none).
        if (value(flag, inline) !== '') unsupported(`--entrypoint value`);
        break;
      case '-v':
      case '--volume': {
        const spec = value(flag, inline);
        const [host, target, mode, ...rest] = spec.split(':');
        if (rest.length > 0 || !host?.startsWith('/') || !target?.startsWith('/')) {
          unsupported(`volume '${spec}' (only absolute HOST:CONTAINER[:ro|rw] binds)`);
        }
        if (mode !== undefined && mode !== 'ro' && mode !== 'rw')
          unsupported(`volume mode '${mode}'`);
        run.mounts.push({ host, target, readOnly: mode === 'ro' });
        break;
      }
      case '-w':
      case '--workdir':
        run.workdir = value(flag, inline);
        if (!run.workdir.startsWith('/'))
          fail(
            `the working directory '${run.workdir}' is invalid, it needs to be an absolute path`,
          );
        break;
      case '-e':
      case '--env':
        run.env.push(value(flag, inline));
        break;
      case '--env-file':
        for (const line of readFileSync(value(flag, inline), 'utf8').split('\n')) {
          if (line.trim() !== '' && !line.startsWith('#')) run.env.push(line);
        }
        break;
      case '-u':
      case '--user':
        run.user = value(flag, inline);
        break;
      case '--cap-drop': {
        const cap = value(flag, inline).toUpperCase();
        if (!/^(CAP_)?[A-Z_]+$/.test(cap) || cap === 'ALL') unsupported(`--cap-drop ${cap}`);
        run.capDrop.push(cap.startsWith('CAP_') ? cap : `CAP_${cap}`);
        break;
      }
      case '--network':
      case '--net': {
        const network = value(flag, inline);
        if (!['none', 'host', 'bridge', 'default'].includes(network))
          unsupported(`network '${network}'`);
        run.net = network !== 'none';
        break;
      }
      default:
        unsupported(`flag '${arg}'`);
    }
  }
  run.image = args[i];
  run.command = args.slice(i + 1);
  if (run.image === undefined) fail('"docker run" requires at least 1 argument.');
  if (run.command.length === 0)
    unsupported('run without a command (the image CMD is not modelled)');
  return run;
}

function containerEnv(entries) {
  const env = { PATH: IMAGE_PATH, HOSTNAME: 'fakedocker', HOME: '/root' };
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq === 0) fail(`invalid argument "${entry}" for "-e, --env" flag: variable name is empty`);
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    // `-e NAME`: docker copies the value from its own environment, or drops the name.
    else if (process.env[entry] !== undefined) env[entry] = process.env[entry];
  }
  return env;
}

function userPrefix(user) {
  if (user === undefined || user === 'root' || user === '0' || user === '0:0') return [];
  const match = /^(\d+)(?::(\d+))?$/.exec(user);
  if (!match) unsupported(`user '${user}' (numeric UID[:GID] only)`);
  return [
    '/usr/bin/setpriv',
    `--reuid=${match[1]}`,
    `--regid=${match[2] ?? match[1]}`,
    '--clear-groups',
    '--',
  ];
}

function runContainer(args) {
  const run = parseRun(args);
  const name = normalize(run.image);
  const images = registry();
  if (!isLocal(name)) {
    process.stderr.write(`Unable to find image '${name}' locally\n`);
    if (!(name in images)) {
      fail(
        `docker: Error response from daemon: pull access denied for ${name.replace(/:[^:/]*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information`,
      );
    }
    pull(name, process.stderr);
  }
  const rootfs = images[name];
  if (!existsSync(join(rootfs, 'usr/bin')))
    fail(`fake docker: image root folder ${rootfs} is missing`);

  const scratch = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  const [upper, work, merged] = ['upper', 'work', 'merged'].map((dir) => join(scratch, dir));
  for (const dir of [upper, work, merged]) mkdirSync(dir);

  const bwrap = ['--bind', merged, '/', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'];
  for (const mount of run.mounts) {
    // Docker creates a missing host folder of a bind mount.
    if (!existsSync(mount.host)) mkdirSync(mount.host, { recursive: true });
    bwrap.push(mount.readOnly ? '--ro-bind' : '--bind', mount.host, mount.target);
  }
  const workdir = run.workdir ?? '/';
  // Docker creates a missing working directory too.
  bwrap.push('--dir', workdir, '--chdir', workdir);
  bwrap.push('--unshare-pid', '--unshare-ipc', '--unshare-uts', '--hostname', 'fakedocker');
  if (!run.net) bwrap.push('--unshare-net');
  for (const cap of run.capDrop) bwrap.push('--cap-drop', cap);
  bwrap.push('--');
  // sh turns "not found" / "not executable" into 127 / 126 as docker does.
  bwrap.push(...userPrefix(run.user), '/bin/sh', '-c', 'exec "$@"', 'sh', ...run.command);

  // The overlay lives in a private mount namespace, so it disappears with the container.
  const overlay =
    'mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$3" "$4" && shift 4 && exec "$@"';
  mkdirSync(STATE, { recursive: true });
  const id = run.name ?? `fake-${process.pid}`;
  const stateFile = join(STATE, id);
  if (existsSync(stateFile) && alive(Number(readFileSync(stateFile, 'utf8')))) {
    fail(
      `docker: Error response from daemon: Conflict. The container name "/${id}" is already in use.`,
    );
  }
  const child = spawn(
    which('unshare'),
    [
      '--mount',
      '--propagation',
      'private',
      '--',
      '/bin/sh',
      '-c',
      overlay,
      'sh',
      rootfs,
      upper,
      work,
      merged,
      which('bwrap'),
      ...bwrap,
    ],
    {
      // The container's variables reach the command through bwrap's own environment, never argv.
      env: containerEnv(run.env),
      stdio: [run.interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'],
      // The container is the engine's, not the client's: a session of its own.
      detached: true,
    },
  );
  writeFileSync(stateFile, String(child.pid));
  child.on('error', (error) => fail(`fake docker: ${error.message}`));
  child.on('exit', (code, signal) => {
    rmSync(stateFile, { force: true });
    rmSync(scratch, { recursive: true, force: true });
    if (signal) process.exit(128 + ({ SIGKILL: 9, SIGTERM: 15, SIGINT: 2 }[signal] ?? 1));
    process.exit(code ?? 125);
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function removeContainer(name) {
  const stateFile = join(STATE, name);
  if (!existsSync(stateFile)) fail(`Error response from daemon: No such container: ${name}`, 1);
  const pid = Number(readFileSync(stateFile, 'utf8'));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
  rmSync(stateFile, { force: true });
  process.stdout.write(`${name}\n`);
}

const [command, ...rest] = argv;
switch (command) {
  case 'run':
    runContainer(rest);
    break;
  case 'pull':
    if (rest.length !== 1 || rest[0].startsWith('-')) unsupported('pull arguments');
    pull(normalize(rest[0]), process.stdout);
    break;
  case 'image': {
    if (rest[0] !== 'inspect' || rest.length !== 2 || rest[1].startsWith('-'))
      unsupported('image subcommand');
    const name = normalize(rest[1]);
    if (!isLocal(name)) fail(`Error: No such image: ${rest[1]}`, 1);
    const id = `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;
    process.stdout.write(
      `${JSON.stringify([{ Id: id, RepoTags: [name], Os: 'linux' }], null, 4)}\n`,
    );
    break;
  }
  case 'rm':
    if (rest.length !== 2 || rest[0] !== '-f' || rest[1].startsWith('-'))
      unsupported('rm arguments (only rm -f NAME)');
    await removeContainer(rest[1]);
    break;
  case 'kill':
    if (rest.length !== 1 || rest[0].startsWith('-')) unsupported('kill arguments');
    await removeContainer(rest[0]);
    break;
  default:
    unsupported(`command '${command}'`);
}
