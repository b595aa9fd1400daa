/**
 * Sets `supported_tags` to the tags the interpreter's own pip installs, most specific first, the
 * way `pip install` judges a wheel: pip >= 20, pip 10-19 and pip 8-9 each keep the list in
 * another module. Python 2.7 and 3.x alike.
 */
export const SUPPORTED_TAGS_LOOKUP = String.raw`
try:
    from pip._internal.utils.compatibility_tags import get_supported
except ImportError:
    try:
        from pip._internal.pep425tags import get_supported
    except ImportError:
        from pip.pep425tags import get_supported
supported_tags = [str(t) if not isinstance(t, tuple) else "-".join(t) for t in get_supported()]
`;

/** Indents Python source by four spaces (to nest it in a `try:`; blank lines stay blank to Python). */
const indent = (source: string): string =>
  source
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

/**
 * Runs unchanged on Python 2.7 and 3.x (also PyPy): prints one JSON object describing the
 * interpreter, from which the wheel's tags are derived (src/wheel/tags.ts), with the tags its pip
 * installs when that pip can tell in-process (which saves verification a python start and a pip
 * import; null otherwise, and verification asks pip in a process of its own). Passed with `-c`,
 * so nothing has to be copied into an image first.
 */
export const PROBE_SCRIPT = String.raw`
import json, os, platform, struct, sys, sysconfig
def var(name):
    try:
        return sysconfig.get_config_var(name)
    except Exception:
        return None
try:
    import pip
    pip_version = pip.__version__
except Exception:
    pip_version = None
libc = None
try:
    libc = os.confstr("CS_GNU_LIBC_VERSION") or None
except Exception:
    pass
if not libc:
    try:
        lib, lib_version = platform.libc_ver()
        libc = ("%s %s" % (lib, lib_version)) if lib else None
    except Exception:
        libc = None
supported_tags = None
try:
${indent(SUPPORTED_TAGS_LOOKUP)}
except Exception:
    supported_tags = None
try:
    include = sysconfig.get_paths()["include"]
except Exception:
    include = None
try:
    import importlib.machinery
    ext_suffixes = list(importlib.machinery.EXTENSION_SUFFIXES)
except Exception:
    try:
        import imp
        ext_suffixes = [s[0] for s in imp.get_suffixes() if s[2] == imp.C_EXTENSION]
    except Exception:
        ext_suffixes = None
print("ALGORITHMIA-WHEEL-PROBE " + json.dumps({
    "executable": sys.executable,
    "version": list(sys.version_info[:3]),
    "implementation": platform.python_implementation(),
    "soabi": var("SOABI"),
    "extSuffix": var("EXT_SUFFIX") or var("SO"),
    "pyDebug": bool(var("Py_DEBUG")) or hasattr(sys, "gettotalrefcount"),
    "withPymalloc": bool(var("WITH_PYMALLOC")),
    "maxUnicode": sys.maxunicode,
    "platform": sysconfig.get_platform(),
    "pointerBits": struct.calcsize("P") * 8,
    "pipVersion": pip_version,
    "include": include,
    "extensionSuffixes": ext_suffixes,
    "supportedTags": supported_tags,
    "libc": libc,
}))
`;

export const PROBE_MARKER = 'ALGORITHMIA-WHEEL-PROBE ';
