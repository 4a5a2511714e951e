#: test: a reader sleeps until a writer wakes it; Ctrl-C (SIGINT) ends the sleep
#: points: 3
$ sudo insmod mailbox.ko
$ open /dev/mailbox O_RDONLY|O_NONBLOCK
open("/dev/mailbox", O_RDONLY|O_NONBLOCK) = 3
#: TODO 1: the mailbox is empty: without O_NONBLOCK, a reader will have to sleep (with it: EAGAIN).
$ read 3 100
read(3, buf, 100) = -1 EAGAIN (Resource temporarily unavailable)
$ close 3
close(3) = 0
$ cat /dev/mailbox > /var/log/mail.out &
[1] {{2..9999}}
$ sleep 0.2
#: TODO 1: with no message, cat's read sleeps in the driver (state S) instead of returning.
$ ps
  PID  PPID USER     STAT COMMAND
    1     0 root     R    init
    2     0 root     S    [events]
    3     1 student  R    sh
 *[0-9]+     3 student  S    cat (re)
 *[0-9]+     3 student  R    ps (re)
#: TODO 2: the write wakes the sleeping reader, which returns the message.
$ echo wake up > /dev/mailbox
$ sleep 0.2
#: TODO 1: SIGINT ends the next sleep: wait_event_interruptible returns non-zero, read returns -ERESTARTSYS.
$ kill -INT %1
$ wait
[1]+  Interrupt               cat /dev/mailbox > /var/log/mail.out
$ cat /var/log/mail.out
wake up
