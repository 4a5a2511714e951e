#: test: each write keeps a note; cat lists them, numbered
#: points: 2
$ sudo insmod notes.ko
#: TODO 2 (with TODO 1's cache): a write that cannot allocate fails with ENOMEM ("Cannot allocate memory").
$ echo milk > /dev/notes
$ echo eggs > /dev/notes
$ cat /dev/notes
1: milk
2: eggs
