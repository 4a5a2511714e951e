#: The patterns of docs/testing.md, each matching: a regular expression, a
#: number in a range, several ranges on a line, and literal text around them.
$ uname -r
6\.8\.[0-9]+-simkernel (re)
$ cat /proc/sys/kernel/tainted
{{0..0}}
$ echo 7 of 12 tries, 3.5
{{1..9}} of {{10..12}} tries, 3.5
$ echo a(b)c [d] *
a(b)c [d] *
$ echo x
[a-z] (re)
