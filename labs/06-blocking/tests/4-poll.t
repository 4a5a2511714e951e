#: test: poll says when the mailbox can be read, and sleeps until a write wakes it
#: points: 3
$ sudo insmod mailbox.ko
$ open /dev/mailbox O_RDONLY|O_NONBLOCK
open("/dev/mailbox", O_RDONLY|O_NONBLOCK) = 3
#: TODO 3: an empty mailbox cannot be read: .poll says EPOLLOUT only, and a poll for POLLIN waits its whole timeout.
$ poll 3:POLLIN|POLLOUT 0
poll([{fd=3, events=POLLIN|POLLOUT}], 1, 0) = 1 ([{fd=3, revents=POLLOUT}])
$ poll 3:POLLIN 100
poll([{fd=3, events=POLLIN}], 1, 100) = 0 (Timeout)
$ echo hi > /dev/mailbox
#: TODO 3: with a message waiting, EPOLLIN at once.
$ poll 3:POLLIN|POLLOUT 0
poll([{fd=3, events=POLLIN|POLLOUT}], 1, 0) = 1 ([{fd=3, revents=POLLIN|POLLOUT}])
$ read 3 100
read(3, "hi\n", 100) = 3
$ poll 3:POLLIN 0
poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)
$ poll 3:POLLIN -1 > /var/log/poll.out &
[1] {{2..9999}}
$ sleep 0.2
$ echo wake up > /dev/mailbox
#: TODO 3: the write wakes the sleeping poll (poll_wait named mailbox_wait); a poll on no wait queue, with no timeout, sleeps for ever.
$ wait
[1]+  Done                    poll 3:POLLIN -1 > /var/log/poll.out
$ cat /var/log/poll.out
poll([{fd=3, events=POLLIN}], 1, -1) = 1 ([{fd=3, revents=POLLIN}])
