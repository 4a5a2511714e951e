#: test: output that never comes
$ echo one
one
two
