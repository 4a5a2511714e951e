#!/usr/bin/env python3
"""header_graph.py - proves the SDK's headers make visible what Linux's do.

For every header H that both the SDK and Linux have, a name the SDK provides
anywhere (a function, macro, type, struct tag, enumerator, variable) must be
visible after `#include <H>` in the SDK whenever it is visible after
`#include <H>` with real kbuild against Debian's linux-headers. That is the
promise of issue 14: a module that compiles against Linux's header graph
compiles against the SDK's, whatever header it happened to rely on.

Both sides are preprocessed (gcc -E -dD, with kbuild's own command line for
Linux and the SDK's flags for the SDK) and read by the same small scanner, so
a name is compared as a name whatever its kind on each side (a macro in the
SDK may be an inline function in Linux).

usage: header_graph.py SDK_DIR [KERNEL_BUILD_DIR]   (exit 77: no Linux headers)
KERNEL_BUILD_DIR defaults to the first /lib/modules/*/build or
/usr/src/linux-headers-*-amd64 with a Module.symvers.
"""
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

# Names that differ on purpose, each with its reason (docs/module-api.md).
ALLOWED_MISSING = {
}

TOKEN = re.compile(r"[A-Za-z_]\w*|\S")
NOT_A_NAME = {
    "__attribute__", "__attribute", "__typeof__", "typeof", "__typeof", "__asm__", "asm",
    "__asm", "sizeof", "_Static_assert", "__extension__", "__builtin_offsetof", "_Alignas",
    "__alignof__", "_Alignof", "__volatile__", "volatile", "__inline", "__inline__",
    "inline", "if", "while", "for", "switch", "return", "__builtin_expect", "_Generic",
}


def names_in(preprocessed):
    """The names a translation unit declares: macros, functions, variables,
    typedefs, struct/union/enum tags and enumerators (top level only)."""
    names = set()
    code = []
    for line in preprocessed.splitlines():
        if line.startswith("#"):
            m = re.match(r"#\s*define\s+([A-Za-z_]\w*)", line)
            if m:
                names.add(m.group(1))
            continue
        code.append(line)
    toks = TOKEN.findall("\n".join(code))
    brace = paren = 0
    stmt = []          # tokens of the current top-level statement (brace 0)
    enum_at = []       # brace depths at which an enum body opened
    expect_enumerator = False
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ("struct", "union", "enum") and i + 2 < len(toks) and \
                re.match(r"[A-Za-z_]", nxt) and toks[i + 2] == "{":
            names.add(nxt)
        if t == "{":
            is_enum = any(x == "enum" for x in toks[max(0, i - 2):i])
            brace += 1
            if is_enum:
                enum_at.append(brace)
                expect_enumerator = True
            continue
        if t == "}":
            if enum_at and enum_at[-1] == brace:
                enum_at.pop()
            brace -= 1
            if brace == 0:
                stmt.append("}")
            continue
        if enum_at and brace == enum_at[-1]:
            if t == ",":
                expect_enumerator = True
            elif expect_enumerator and re.match(r"[A-Za-z_]", t):
                names.add(t)
                expect_enumerator = False
            continue
        if brace:
            continue
        if t == "(":
            paren += 1
        elif t == ")":
            paren -= 1
        if t == ";" and paren == 0:
            names.update(statement_names(stmt))
            stmt = []
            continue
        stmt.append(t)
    names.update(statement_names(stmt))   # inline functions that end the file
    return names


def statement_names(stmt):
    """The names one top-level declaration introduces."""
    out = set()
    if not stmt:
        return out
    # A function definition ends at its body's '}' without a ';': split there.
    parts, cur = [], []
    for t in stmt:
        cur.append(t)
        if t == "}":
            parts.append(cur)
            cur = []
    parts.append(cur)
    for part in parts:
        out.update(declarator_names(part))
    return out


def declarator_names(toks):
    out = set()
    if len(toks) == 2 and toks[0] in ("struct", "union", "enum"):
        return out                  # a forward declaration names no new thing
    typedef = "typedef" in toks
    depth = 0
    prev = ""
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        elif re.match(r"[A-Za-z_]", t) and t not in NOT_A_NAME:
            if depth == 0 and nxt == "(" and not typedef:
                out.add(t)          # a function
                return out
            if depth == 1 and prev == "*" and nxt == ")":
                out.add(t)          # (*name)(...): function pointer variable or typedef
            if depth == 0 and nxt in (";", "=", "[", ",", ""):
                out.add(t)          # a variable or typedef name
        prev = t
    return out


def kbuild_command(kdir, work):
    """kbuild's own preprocessor command for a module file (from V=1)."""
    src = os.path.join(work, "probe.c")
    with open(src, "w") as f:
        f.write("#include <linux/module.h>\n")
    with open(os.path.join(work, "Makefile"), "w") as f:
        f.write("obj-m += probe.o\n")
    out = subprocess.run(["make", "-C", kdir, "M=" + work, "V=1", "probe.i"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if " -E " in line and "probe.c" in line:
            argv = shlex.split(line.strip())
            cut = argv.index("-o")
            argv = argv[:cut] + argv[cut + 2:]
            argv = [a for a in argv if not a.startswith("-Wp,-MMD") and a != src]
            return argv
    sys.exit("header_graph: cannot find kbuild's preprocessor command in:\n" + out)


def preprocess(argv, cwd, header):
    r = subprocess.run(argv + ["-dD", "-x", "c", "-"], cwd=cwd, capture_output=True,
                       text=True, input="#include <%s>\n" % header)
    return r.stdout if r.returncode == 0 else None


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sdk = sys.argv[1]
    candidates = sys.argv[2:] or sorted(glob.glob("/lib/modules/*/build")) + \
        sorted(glob.glob("/usr/src/linux-headers-*-amd64"))
    kdir = next((k for k in candidates if os.path.isfile(os.path.join(k, "Module.symvers"))), "")
    if not os.path.isfile(os.path.join(kdir, "Module.symvers")):
        print("SKIPPED: no Linux headers (apt-get install linux-headers-amd64)")
        sys.exit(77)
    flags = {}
    with open(os.path.join(sdk, "scripts", "sdk-flags.mk")) as f:
        for line in f:
            m = re.match(r"(SK_\w+)\s*:=\s*(.*)", line)
            if m:
                flags[m.group(1)] = m.group(2)
    sdk_argv = [flags["SK_CC"], "-E"] + shlex.split(flags["SK_C_STD"]) + \
        shlex.split(flags["SK_C_FLAGS"]) + shlex.split(flags["SK_DEFINES"]) + \
        ["-I", os.path.join(sdk, "include"), "-DKBUILD_MODNAME=\"probe\""]
    headers = sorted(
        os.path.relpath(os.path.join(d, f), os.path.join(sdk, "include"))
        for d, _, fs in os.walk(os.path.join(sdk, "include")) for f in fs if f.endswith(".h"))
    # A header that refuses on purpose (#error "simkernel has no ...") has
    # nothing to compare.
    headers = [h for h in headers
               if '#error "simkernel' not in open(os.path.join(sdk, "include", h)).read()]
    with tempfile.TemporaryDirectory() as work:
        linux_argv = kbuild_command(kdir, work)
        everything = "".join("#include <%s>\n" % h for h in headers)
        r = subprocess.run(sdk_argv + ["-dD", "-x", "c", "-"], capture_output=True, text=True,
                           input=everything)
        if r.returncode:
            sys.exit("header_graph: the SDK's headers do not preprocess together:\n" + r.stderr)
        provided = names_in(r.stdout)
        # What kbuild's forced includes (compiler_types.h, kconfig.h) give
        # every file, with no header at all: the SDK has no forced includes.
        baseline = names_in(subprocess.run(linux_argv + ["-dD", "-x", "c", "-"], cwd=kdir,
                                           capture_output=True, text=True, input="").stdout)

        def compare(h):
            lx = preprocess(linux_argv, kdir, h)
            if lx is None:
                return h, None
            sk = preprocess(sdk_argv, None, h)
            if sk is None:
                return h, ["(the SDK's header does not preprocess on its own)"]
            missing = (names_in(lx) & provided) - baseline - names_in(sk) - ALLOWED_MISSING.get(h, set())
            return h, sorted(missing)

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(compare, headers))
    failed = 0
    for h, missing in results:
        if missing is None:
            print("skip %-28s (Linux has no such header)" % h)
        elif missing:
            failed += 1
            print("FAIL %-28s Linux makes visible, the SDK does not: %s" % (h, " ".join(missing)))
        else:
            print("ok   %s" % h)
    print("%d headers compared, %d differ" % (sum(m is not None for _, m in results), failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
