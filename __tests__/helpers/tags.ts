import { runPython } from './python.js';

/** The tag the interpreter's own packaging rules give, computed independently of our code. */
export function expectedTag(python: string): string {
  return runPython(
    python,
    `import sys, sysconfig, platform
v = "%d%d" % sys.version_info[:2]
plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
if platform.python_implementation() == "PyPy":
    print("pp%s-%s-%s" % (v, "_".join(sysconfig.get_config_var("SOABI").split("-")[:2]), plat))
elif sys.version_info[0] == 2:
    print("cp%s-cp%smu-%s" % (v, v, plat) if sys.maxunicode > 65535 else "cp%s-cp%sm-%s" % (v, v, plat))
else:
    print("cp%s-cp%s-%s" % (v, sysconfig.get_config_var("SOABI").split("-")[1], plat))`,
  ).trim();
}

/** The interpreter's own suffix for extension modules (`.so` on 2.7). */
export function extSuffix(python: string): string {
  return runPython(
    python,
    'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX") or sysconfig.get_config_var("SO"))',
  ).trim();
}
