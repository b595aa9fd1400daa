/**
 * The verification receipt: a JSON record of what was proven about one wheel, published beside
 * it as `<wheel>.verification.json` (S3 key, workflow artifact, output `receipt`). Pure: the
 * builder takes facts and returns bytes. Deterministic: no clock, no temporary paths, keys in a
 * fixed order, arrays sorted, so the same inputs always give the same bytes (attestable).
 */

export const RECEIPT_SCHEMA = 'https://github.com/algorithmiaio/wheel-maker/receipt/v1';

export interface ReceiptLibrary {
  /** As the native file asked for it (NEEDED). */
  name: string;
  /** Where the loader found it: a system path, or `<target>/...` inside the installed wheel. */
  path?: string;
}

export interface ReceiptFacts {
  wheel: { fileName: string; size: number; sha256: string; tags: readonly string[] };
  distribution: string;
  version: string;
  python: {
    path: string;
    version: readonly number[];
    implementation: string;
    abi: string | null;
    pip: string | null;
    /** `2.36` from the interpreter's own libc; null when it is not glibc (musl) or unknown. */
    glibc: string | null;
  };
  /** With `image`: the reference the user gave and what the engine reports for it. */
  image?: { reference: string; id?: string; repoDigests?: readonly string[] };
  /** Native files of the installed wheel (paths relative to the install target). */
  nativeFiles: {
    path: string;
    libraries: readonly ReceiptLibrary[];
    /** Per library, the highest symbol version of each family it needs (GLIBC_2.34...). */
    symbolVersions?: Readonly<Record<string, readonly string[]>>;
  }[];
  /** The import check: each module and the file it was imported from (relative to the target). */
  imports: { module: string; from: string }[];
  testCommand?: { command: string; result: 'passed' };
  /** Each place the wheel was proven in (verify-image, or where the build ran), in order. */
  places?: readonly {
    where: string;
    image?: { reference: string; id?: string; repoDigests?: readonly string[] };
    python: { path: string; version: string; pip: string | null };
    tagsAccepted: readonly string[];
    result: 'passed';
  }[];
  tool: { name: string; version: string };
  sourceDateEpoch: number;
  /** GITHUB_SHA, when the run has one. */
  commit?: string;
}

const byName = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The receipt as a JSON value, keys in their fixed order, arrays sorted. */
export function receiptObject(facts: ReceiptFacts) {
  return {
    schema: RECEIPT_SCHEMA,
    wheel: {
      name: facts.wheel.fileName,
      distribution: facts.distribution,
      version: facts.version,
      size: facts.wheel.size,
      sha256: facts.wheel.sha256.toLowerCase(),
      tags: [...facts.wheel.tags].sort(byName),
    },
    python: {
      path: facts.python.path,
      version: facts.python.version.join('.'),
      implementation: facts.python.implementation,
      abi: facts.python.abi,
      pip: facts.python.pip,
      glibc: facts.python.glibc,
    },
    image: facts.image
      ? {
          reference: facts.image.reference,
          id: facts.image.id ?? null,
          repoDigests: [...(facts.image.repoDigests ?? [])].sort(byName),
        }
      : null,
    verification: {
      install: 'passed',
      imports: [...facts.imports]
        .sort((a, b) => byName(a.module, b.module))
        .map((entry) => ({ module: entry.module, from: entry.from, result: 'passed' })),
      testCommand: facts.testCommand
        ? { command: facts.testCommand.command, result: facts.testCommand.result }
        : null,
      places: (facts.places ?? []).map((place) => ({
        where: place.where,
        image: place.image
          ? { reference: place.image.reference, id: place.image.id ?? null }
          : null,
        python: { path: place.python.path, version: place.python.version, pip: place.python.pip },
        tagsAccepted: [...place.tagsAccepted].sort(byName),
        result: place.result,
      })),
      nativeFiles: [...facts.nativeFiles]
        .sort((a, b) => byName(a.path, b.path))
        .map((file) => ({
          path: file.path,
          libraries: [...file.libraries]
            .sort((a, b) => byName(a.name, b.name))
            .map((lib) => ({ name: lib.name, path: lib.path ?? null })),
          symbolVersions: Object.fromEntries(
            Object.entries(file.symbolVersions ?? {})
              .sort(([a], [b]) => byName(a, b))
              .map(([library, versions]) => [library, [...versions].sort(byName)]),
          ),
        })),
    },
    build: {
      tool: `${facts.tool.name} ${facts.tool.version}`,
      sourceDateEpoch: facts.sourceDateEpoch,
      commit: facts.commit ?? null,
    },
  };
}

export type Receipt = ReturnType<typeof receiptObject>;

/**
 * The receipt's bytes: UTF-8 JSON, two-space indent, a final newline. Every string goes through
 * `clean` (the run's redaction) before it is serialised: the receipt is published, and a test
 * command may quote a secret; the bytes (and so their digest) are what gets written.
 */
export function buildReceipt(
  facts: ReceiptFacts,
  clean: (text: string) => string = (text) => text,
): Buffer {
  const json = JSON.stringify(mapStrings(receiptObject(facts), clean), null, 2);
  return Buffer.from(`${json}\n`);
}

/** A JSON value with every string (keys included) passed through `clean`. */
function mapStrings(value: unknown, clean: (text: string) => string): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, clean));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [clean(key), mapStrings(item, clean)]),
    );
  }
  return value;
}

/** `imported vecmath from vecmath/__init__.py` lines (verify.ts) -> module and file. */
export function parseImportLines(lines: readonly string[]): { module: string; from: string }[] {
  const out: { module: string; from: string }[] = [];
  for (const line of lines) {
    const match = /^imported (\S+) from (.+)$/.exec(line.trim());
    if (match) out.push({ module: match[1]!, from: match[2]! });
  }
  return out;
}

/** A library path as the receipt shows it: inside the install target, relative to it. */
export function receiptLibraryPath(path: string | undefined, target: string): string | undefined {
  if (path === undefined) return undefined;
  const root = target.endsWith('/') ? target : `${target}/`;
  return path.startsWith(root) ? `<target>/${path.slice(root.length)}` : path;
}

/** `glibc 2.36` (os.confstr) -> `2.36`; anything else -> null. */
export function parseGlibc(text: string): string | null {
  const match = /glibc\s+(\d+\.\d+(?:\.\d+)?)/i.exec(text);
  return match ? match[1]! : null;
}

/**
 * `<engine> image inspect` JSON -> id and repo digests. Docker says `sha256:<hex>`, podman the bare
 * hex of the same digest: the receipt always carries the `sha256:` form.
 */
export function parseImageInspect(json: string): { id?: string; repoDigests?: string[] } {
  try {
    const parsed = JSON.parse(json) as { Id?: unknown; RepoDigests?: unknown }[];
    const first = Array.isArray(parsed) ? parsed[0] : undefined;
    // Stryker disable next-line ConditionalExpression: without it, first.RepoDigests throws into the catch, which returns the same {}
    if (!first) return {};
    const digests = Array.isArray(first.RepoDigests)
      ? first.RepoDigests.filter((d): d is string => typeof d === 'string')
      : [];
    return {
      ...(typeof first.Id === 'string'
        ? { id: /^[0-9a-f]{64}$/.test(first.Id) ? `sha256:${first.Id}` : first.Id }
        : {}),
      ...(digests.length ? { repoDigests: digests } : {}),
    };
  } catch {
    return {};
  }
}

/** The job-summary lines for the receipt (Markdown). */
export function receiptSummaryMarkdown(fileName: string, receipt: Buffer): string {
  const html = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `<details><summary>Verification receipt (<code>${html(fileName)}</code>)</summary>`,
    '',
    `<pre>${html(receipt.toString('utf8').trimEnd())}</pre>`,
    '',
    '</details>',
    '',
  ].join('\n');
}
