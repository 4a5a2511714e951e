#: test: the notes come from a kmem_cache of their own, which rmmod destroys
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod notes.ko
#: TODO 2: each note comes from note_cache (made by TODO 1), its text from kmalloc.
$ echo milk > /dev/notes
$ echo eggs > /dev/notes
#: TODO 1 and 2: two notes are two objects (of 32 bytes: a struct note) in the cache named "note"; their texts come from kmalloc.
$ sudo cat /proc/slabinfo
slabinfo - version: 2.1
# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
kmalloc-[0-9]+ .* (re)
kmalloc-[0-9]+ .* (re)
note +2 +2 +32 .* (re)
$ sudo dmesg -C
$ sudo rmmod notes
#: TODO 4: every note goes back to the cache before kmem_cache_destroy (else "Slab cache still has objects"), and nothing leaks.
$ dmesg -l err,warn
