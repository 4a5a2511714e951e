#: test: a number outside its range
$ echo 13
{{1..12}}
