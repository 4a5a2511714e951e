#: test: a command that does not end in time
#: Nothing should take this long.
$ sleep 30
