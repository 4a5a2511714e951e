#: test: every error path of init undoes what came before it (failtest fails each allocation in turn)
#: points: 2
#: TODO 1: init makes two fallible calls, kmem_cache_create (its kmalloc, call 1) then misc_register (call 2); when misc_register fails, the cache must be destroyed, or it is "left behind".
$ sudo failtest notes.ko
  call  call site                        API                    result                         left behind
 +1  notes_init\+[^ ]+ +kmalloc +insmod failed: -ENOMEM +nothing (re)
 +2  notes_init\+[^ ]+ +misc_register +insmod failed: -ENOMEM +nothing (re)
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: notes: 2 fallible calls in init, every error path clean
