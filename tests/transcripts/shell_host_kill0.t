#: A host command that signals its own process group (`kill 0`, run by the host's bash
#: because of the pipe) ends its own job and nothing else: each host command runs in a
#: process group of its own, as a job-control shell runs each job (found by
#: adversarial.random_shell: the simulator itself was terminated).
$ kill 0 | cat
$ echo still here
still here
$ lsmod | head -1
Module                  Size  Used by
