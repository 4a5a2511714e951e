#: test: the wrong exit status
$ exit 3
