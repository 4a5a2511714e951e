#: kill (TERM) to the shell's own task (issue 17): a shell reading a script or -c ends, as bash does
#: ("Terminated", status 143); an interactive one ignores it (tests/interactive/pty_test.sh).
$ kill $$
Terminated
[exit 143]
