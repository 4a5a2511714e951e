#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# modpost.sh - the SDK's modpost: what kbuild's scripts/mod/modpost does for
# the modules of one directory, with objdump and awk.
#
#   modpost.sh SYMVERS OBJDIR TEMPLATE KERNEL_SYMVERS EXTRA_SYMVERS WARN MODULE...
#
# For each MODULE (OBJDIR/MODULE.o, one relocatable object):
#   - its exports (the __ksymtab_<sym> symbols EXPORT_SYMBOL leaves, in
#     section __ksymtab or __ksymtab_gpl) go to SYMVERS, in Module.symvers'
#     format: crc, symbol, module path, export type, namespace, tab-separated
#     (crc 0x00000000: simkernel has no CONFIG_MODVERSIONS);
#   - each undefined symbol must be exported by the kernel (KERNEL_SYMVERS),
#     a module of this directory, or one of EXTRA_SYMVERS (KBUILD_EXTRA_SYMBOLS);
#     one nobody exports is an error, as in Linux (a warning if WARN is set);
#     one another module exports makes that module a dependency;
#   - it must have a MODULE_LICENSE (an error since Linux 5.12), and only
#     a GPL-compatible one may use EXPORT_SYMBOL_GPL symbols;
#   - OBJDIR/MODULE.mod.c is written from TEMPLATE, with the module's name
#     and its depends= list.
set -e

symvers=$1 objdir=$2 template=$3 ksymvers=$4 extra=$5 warn=$6
shift 6
[ $# -gt 0 ] || { : > "$symvers"; exit 0; }

objs=
for m in "$@"; do objs="$objs $objdir/$m.o"; done

# One pass over every module's symbol table and .modinfo strings.
# shellcheck disable=SC2086
{ ${OBJDUMP:-objdump} -t $objs; ${READELF:-readelf} -p .modinfo $objs 2>/dev/null; } |
awk -v symvers="$symvers" -v objdir="$objdir" \
	-v template="$template" -v ksymvers="$ksymvers" -v extra="$extra" \
	-v warn="$warn" -v modules="$*" '
function basename_of(p) { sub(/.*\//, "", p); return p }
function name_fix(n) { gsub(/-/, "_", n); return n }
function read_symvers(file, is_kernel,    line, f) {
	while ((getline line < file) > 0) {
		split(line, f, "\t")
		if (f[2] == "") continue
		if (is_kernel) kernel[f[2]] = 1
		else provider[f[2]] = name_fix(basename_of(f[3]))
		gplonly[f[2]] = f[4] == "EXPORT_SYMBOL_GPL"
	}
	close(file)
}
function gpl_compatible(l) {
	return l == "GPL" || l == "GPL v2" || l == "GPL and additional rights" ||
	       l == "Dual BSD/GPL" || l == "Dual MIT/GPL" || l == "Dual MPL/GPL"
}
BEGIN {
	nmods = split(modules, mods, " ")
	if (ksymvers != "") have_kernel = (system("test -f \"" ksymvers "\"") == 0)
	if (have_kernel) read_symvers(ksymvers, 1)
	nextra = split(extra, extras, " ")
	for (i = 1; i <= nextra; i++) read_symvers(extras[i], 0)
	# Symbols every module may leave undefined: the GOT, and __this_module,
	# which <mod>.mod.c defines.
	ignore["_GLOBAL_OFFSET_TABLE_"] = 1
	ignore["__this_module"] = 1
	errors = 0
}
# readelf -p .modinfo: "File: dir/mod.o" (when there are several), then
# "String dump of section ...", then "  [  off]  license=GPL".
/^File: / {
	in_modinfo = 1
	cur = substr($0, 7); cur = basename_of(cur); sub(/\.o$/, "", cur)
	next
}
/^String dump of section / { in_modinfo = 1; next }
in_modinfo {
	if (match($0, /^ *\[ *[0-9a-f]+\]  license=/)) license[cur] = substr($0, RLENGTH + 1)
	next
}
/:[ \t]+file format / {
	cur = $1; sub(/:$/, "", cur)
	cur = basename_of(cur); sub(/\.o$/, "", cur)
	next
}
/\t/ {
	tab = index($0, "\t")
	left = substr($0, 1, tab - 1)
	nl = split(left, lf, " ")
	section = lf[nl]
	nr = split(substr($0, tab + 1), rf, " ")
	name = rf[nr]
	if (section == ".modinfo" && name ~ /__UNIQUE_ID_license[0-9]*$/) {  # C++ mangles it: _ZL20__UNIQUE_ID_license0
		licensed[cur] = 1
	} else if (section == "*UND*") {
		if (name in ignore || left ~ / w /) next
		nund[cur]++
		und[cur, nund[cur]] = name
	} else if ((section == "__ksymtab" || section == "__ksymtab_gpl") && name ~ /^__ksymtab_/ &&
		   left !~ / d /) {  # not the section symbols themselves
		sym = substr(name, 11)
		if (sym in exporter) {
			printf "ERROR: modpost: \"%s\" [%s/%s.ko] exported twice. Previous export was in %s/%s.ko\n",
				sym, objdir, cur, objdir, exporter[sym] > "/dev/stderr"
			errors++
			next
		}
		exporter[sym] = cur
		nexp++
		exp_sym[nexp] = sym
		exp_mod[nexp] = cur
		exp_type[nexp] = section == "__ksymtab_gpl" ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL"
		gplonly[sym] = section == "__ksymtab_gpl"
	}
}
END {
	# Module.symvers: module by module in obj-m order, symbols by name.
	for (k = 1; k <= nmods; k++) modidx[mods[k]] = k
	for (i = 1; i <= nexp; i++) {
		key[i] = sprintf("%05d %s", modidx[exp_mod[i]], exp_sym[i])
		order[i] = i
		for (j = i; j > 1 && key[order[j - 1]] > key[order[j]]; j--) {
			t = order[j]; order[j] = order[j - 1]; order[j - 1] = t
		}
	}
	printf "" > symvers
	for (j = 1; j <= nexp; j++) {
		i = order[j]
		printf "0x00000000\t%s\t%s/%s\t%s\t\n", exp_sym[i], objdir, exp_mod[i], exp_type[i] > symvers
	}
	close(symvers)

	# The template: read once, written once per module.
	ntl = 0
	while ((getline line < template) > 0) tl[++ntl] = line
	close(template)

	for (k = 1; k <= nmods; k++) {
		m = mods[k]
		if (!(m in licensed)) {
			printf "ERROR: modpost: missing MODULE_LICENSE() in %s/%s.o\n", objdir, m > "/dev/stderr"
			errors++
		}
		deps = ""
		delete seen
		for (i = 1; i <= nund[m]; i++) {
			s = und[m, i]
			if (s in exporter) d = name_fix(exporter[s])
			else if (s in provider) d = provider[s]
			else if (!have_kernel || s in kernel) continue
			else {
				printf "%s: modpost: \"%s\" [%s/%s.ko] undefined!\n",
					warn != "" ? "WARNING" : "ERROR", s, objdir, m > "/dev/stderr"
				if (warn == "") errors++
				continue
			}
			if (!(d in seen)) { seen[d] = 1; deps = deps (deps == "" ? "" : ",") d }
		}
		# As in Linux, modpost refuses it: a GPL-only export is not for a non-GPL module.
		for (i = 1; i <= nund[m]; i++) {
			s = und[m, i]
			if ((m in licensed) && gplonly[s] && !gpl_compatible(license[m])) {
				printf "ERROR: modpost: GPL-incompatible module %s.ko uses GPL-only symbol '\''%s'\''\n",
					m, s > "/dev/stderr"
				errors++
			}
		}
		out = objdir "/" m ".mod.c"
		for (i = 1; i <= ntl; i++) {
			line = tl[i]
			gsub(/@SK_MODNAME@/, name_fix(m), line)
			gsub(/@SK_DEPENDS@/, deps, line)
			print line > out
		}
		close(out)
	}
	if (errors) exit 1
}'
