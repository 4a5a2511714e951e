#: Background jobs (issue 17). "kill %1 &" then "wait": the job that kills looks job 1 up while the shell waits
#: for it (this used to deadlock: the shell held the jobs lock across the join). "sudo CMD &" runs CMD as root in
#: the background. Signals to init (pid 1) and to kernel threads are ignored, as on Linux. A non-interactive
#: shell, as bash, is ended by SIGINT to its own task: the last lines.
$ sleep 5 &
[1] 4
$ kill %1 &
[2] 5
$ wait
[1]+  Terminated              sleep 5
[2]+  Done                    kill %1
$ sudo sleep 0.2 &
[1] 6
$ sudo cd / &
simkernel: cd: cannot run in the background
$ wait
[1]+  Done                    sudo sleep 0.2
$ sleep 5 &
[1] 7
$ kill -9 1
kill: (1) - Operation not permitted
$ sudo kill -9 1
$ sudo kill -9 2
$ kill -9 %1
$ wait
[1]+  Killed                  sleep 5
$ echo $$ '$$' "$$" "\$$"
3 $$ 3 $$
$ kill -INT $$
Interrupt
[exit 130]
