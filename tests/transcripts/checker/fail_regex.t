#: test: a line that does not match its regex
#: It should say goodbye.
$ echo hello
goodbye|farewell (re)
$ echo after
after
